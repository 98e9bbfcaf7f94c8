package fr.passerelle.cases;

/** Where a case stands, at the level a caseload overview needs. */
public enum CaseStatus {
    PREPARATION,
    APPOINTMENT,
    FILED,
    UNDER_REVIEW,
    COMMISSION,
    GRANTED,
    REFUSED,
    APPEAL,
    CLOSED
}
