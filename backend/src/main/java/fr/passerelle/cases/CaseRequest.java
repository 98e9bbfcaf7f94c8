package fr.passerelle.cases;

import fr.passerelle.web.InputRefusal.Fault;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a caseworker enters to open or correct a case. Opening names the applicant in exactly
 * one way: an existing one ({@code applicantId}), a new one in full ({@code applicant}), or a
 * new one by name only ({@code applicantName}, the rest filled in later). A correction (PUT)
 * replaces the case's fields; it may move the case to another applicant ({@code applicantId})
 * but edits no applicant (that is {@code PUT /api/applicants/{id}}).
 */
record CaseRequest(
        UUID applicantId,
        @Valid ApplicantRequest applicant,

        @Size(min = 1, max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "{passerelle.notBlank}")
        String applicantName,

        @NotNull Ground ground,

        @NotNull @Pattern(regexp = DEPARTMENT, message = "{passerelle.department}")
        String department,

        @Size(max = 200) String prefecture,
        Boolean onlineFiling,
        Boolean groundConditionsMet,
        CaseStatus status,
        LocalDate appointmentOn,
        @PastOrPresent LocalDate filedOn,
        LocalDate receiptExpiresOn,
        LocalDate commissionOn,
        @PastOrPresent LocalDate decidedOn,
        @PastOrPresent LocalDate notifiedOn) {

    static final String DEPARTMENT = fr.passerelle.cases.internal.PrefectureKits.DEPARTMENT;

    static CaseRequest quick(String applicantName, Ground ground, String department) {
        return new CaseRequest(
                null,
                null,
                applicantName,
                ground,
                department,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Opening: exactly one way of naming the applicant. */
    void checkOpening() {
        int given = (applicantId != null ? 1 : 0) + (applicant != null ? 1 : 0) + (applicantName != null ? 1 : 0);
        if (given != 1) {
            throw UnprocessableInputException.of(
                    "applicant",
                    "applicant_ambiguous",
                    "give exactly one of applicantId (an existing applicant), applicant (a new one), applicantName");
        }
        if (applicant != null) {
            applicant.checkConsistency();
        }
    }

    void checkCorrection() {
        if (applicant != null || applicantName != null) {
            throw UnprocessableInputException.of(
                    applicant != null ? "applicant" : "applicantName",
                    "applicant_not_here",
                    "a case's applicant is changed with PUT /api/applicants/{id}, or replaced with applicantId");
        }
    }

    /** The dates must be possible together, and with the applicant's entry in France. */
    void checkDates(LocalDate entryDate) {
        Map<String, Fault> errors = new TreeMap<>();
        if (entryDate != null) {
            before(errors, "filedOn", filedOn, entryDate, "before_entry", "is before the date of entry in France");
            before(
                    errors,
                    "appointmentOn",
                    appointmentOn,
                    entryDate,
                    "before_entry",
                    "is before the date of entry in France");
        }
        if (filedOn != null) {
            before(errors, "decidedOn", decidedOn, filedOn, "before_filing", "is before the filing");
            before(errors, "commissionOn", commissionOn, filedOn, "before_filing", "is before the filing");
            if (receiptExpiresOn != null && !receiptExpiresOn.isAfter(filedOn)) {
                errors.put("receiptExpiresOn", Fault.of("not_after_filing", "is not after the filing"));
            }
        }
        if (decidedOn != null) {
            before(errors, "notifiedOn", notifiedOn, decidedOn, "before_decision", "is before the decision");
            if (commissionOn != null && commissionOn.isAfter(decidedOn)) {
                errors.put(
                        "commissionOn",
                        Fault.of(
                                "commission_after_decision",
                                "is after the decision: the commission is heard before it"));
            }
        }
        UnprocessableInputException.throwIfAny(errors);
    }

    private static void before(
            Map<String, Fault> errors, String field, LocalDate date, LocalDate bound, String code, String message) {
        if (date != null && date.isBefore(bound)) {
            errors.putIfAbsent(field, Fault.of(code, message));
        }
    }
}
