package fr.passerelle.cases;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The applicant of case {@code caseId} moved (their address changed on their record): published in the
 * transaction that saves it, once per case still open. {@code department} is the case's department after
 * the move (changed with it when the new postal code is in another department), {@code previousDepartment}
 * the one before; {@code movedOn} the day of the move (the three months to declare the new address to the
 * prefecture run from it, R431-23 CESEDA). The procedure follows: its processes count in the new
 * department and ask for the declaration.
 */
public record ApplicantMoved(UUID caseId, String previousDepartment, String department, LocalDate movedOn) {}
