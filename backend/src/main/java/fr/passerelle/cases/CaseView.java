package fr.passerelle.cases;

import fr.passerelle.cases.CommissionRule.Commission;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case as its staff see it, with what follows from its dates (computed, never stored):
 * years of presence in France (to the decision, or to today while there is none) and whether
 * the commission du titre de séjour is mandatory before a refusal (CESEDA L432-13). {@code renewalOf}: the
 * case whose card this one renews (opened when that renewal was filed, R431-5 CESEDA), or null.
 */
record CaseView(
        UUID id,
        String reference,
        UUID applicantId,
        String applicantName,
        Ground ground,
        String department,
        String prefecture,
        CaseStatus status,
        boolean onlineFiling,
        Boolean groundConditionsMet,
        Assignee assignee,
        LocalDate entryDate,
        LocalDate appointmentOn,
        LocalDate filedOn,
        LocalDate receiptExpiresOn,
        LocalDate commissionOn,
        LocalDate decidedOn,
        LocalDate notifiedOn,
        Integer yearsInFrance,
        Commission commission,
        Instant createdAt,
        Instant updatedAt,
        Progress progress,
        UUID renewalOf) {

    /**
     * Where the procedure has the case: its step (since when), its latest outcome (on which date), its
     * closing and, closed at triage, why ({@code NOT_OURS_ASYLUM}, {@code NOT_OURS_DUBLIN}, {@code NO_GROUND},
     * {@code WITHDRAWN}), or {@code RENEWED} (its card's renewal filed: the renewal case goes on).
     */
    record Progress(
            String step,
            Instant stepSince,
            CaseOutcome outcome,
            LocalDate outcomeOn,
            LocalDate closedOn,
            String closedReason) {}

    record Assignee(String userId, String name) {}

    static CaseView of(CaseFile file, LocalDate today) {
        Applicant applicant = file.applicant();
        LocalDate asOf = file.decidedOn() != null ? file.decidedOn() : today;
        return new CaseView(
                file.id(),
                file.reference(),
                applicant.id(),
                applicant.fullName(),
                file.ground(),
                file.department(),
                file.prefecture(),
                file.status(),
                file.onlineFiling(),
                file.conditionsMet(),
                file.assigneeId() == null ? null : new Assignee(file.assigneeId(), file.assigneeName()),
                applicant.entryDate(),
                file.appointmentOn(),
                file.filedOn(),
                file.receiptExpiresOn(),
                file.commissionOn(),
                file.decidedOn(),
                file.notifiedOn(),
                CommissionRule.yearsInFrance(applicant.entryDate(), asOf),
                CommissionRule.assess(file.ground(), applicant.entryDate(), file.conditionsMet(), asOf),
                file.createdAt(),
                file.updatedAt(),
                new Progress(
                        file.step(),
                        file.stepSince(),
                        file.outcome(),
                        file.outcomeOn(),
                        file.closedOn(),
                        file.closedReason()),
                file.renewalOf());
    }
}
