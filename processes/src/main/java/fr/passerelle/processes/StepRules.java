package fr.passerelle.processes;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The bean {@code stepRules}: what the models of the steps before the decision (appointment, filing,
 * receipt, commission-hearing) and the renewal after a grant decide on their variables, so that no long
 * expression sits in the XML.
 * Optional variables are read null-safely: a conditional field left empty never breaks a flow.
 */
public class StepRules {

    private final Deadlines deadlines;

    public StepRules(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    // ------------------------------------------------------------------ appointment

    /** A booking attempt obtained a slot, and its date is given (the timer of the appointment needs it). */
    public boolean slotObtained(VariableScope execution) {
        return "SLOT_OBTAINED".equals(execution.getVariable("attemptResult")) && set(execution, "appointmentDate");
    }

    /** No slot, and the caseworker sends the file by registered letter (CE avis 10 Oct 2024 n° 493514: no filing). */
    public boolean toRegisteredLetter(VariableScope execution) {
        return !"SLOT_OBTAINED".equals(execution.getVariable("attemptResult"))
                && Boolean.TRUE.equals(execution.getVariable("sendByRegisteredLetter"));
    }

    /** A follow-up of the registered letter obtained an appointment, with its date. */
    public boolean appointmentGiven(VariableScope execution) {
        return "APPOINTMENT_GIVEN".equals(execution.getVariable("followUpResult")) && set(execution, "appointmentDate");
    }

    /**
     * An age-limited ground (L423-21, L423-22 CESEDA: the year after the 18th birthday): sets
     * {@code ageLimitRule} ({@code AGE_LIMITED_GROUND}, or null) and {@code ageLimitFrom} (the birth date),
     * from the case as triage left it, so that the coordinator is asked to have the application filed
     * before the limit ({@code ${deadlines.due(execution, ageLimitRule, 'ageLimitFrom')}}).
     */
    public void ageLimit(DelegateExecution execution) {
        AgeLimit limit = ageLimitOf(execution.getProcessBusinessKey(), execution.getTenantId());
        execution.setVariable("ageLimitRule", limit == null ? null : limit.rule());
        execution.setVariable("ageLimitFrom", limit == null ? null : limit.birthDate());
    }

    /** Whether the case's ground has an age limit with a known birth date ({@link #ageLimit}). */
    public boolean hasAgeLimit(VariableScope execution) {
        return set(execution, "ageLimitRule") && set(execution, "ageLimitFrom");
    }

    /**
     * The deadline rule of case {@code caseId}'s ground when it has an age limit, with the applicant's
     * birth date (ISO), or null: none, or the birth date is unknown. The backend reads the case; here, none.
     */
    protected AgeLimit ageLimitOf(String caseId, String tenantId) {
        return null;
    }

    /** An age-limited ground's rule ({@code AGE_LIMITED_GROUND}) and the birth date it counts from (ISO). */
    public record AgeLimit(String rule, String birthDate) {}

    // ------------------------------------------------------------------ filing

    /** The fee due at filing is neither paid nor exempted. */
    public boolean feeDue(VariableScope execution) {
        return !Boolean.TRUE.equals(execution.getVariable("feePaid"))
                && !Boolean.TRUE.equals(execution.getVariable("feeNotDue"));
    }

    /**
     * The file became complete once the missing pieces were received (L114-5 CRPA; CE avis 10 Oct 2024
     * n° 494718): the 4 months of silence run from that day, so {@code filingDate} becomes it
     * ({@code fileCompletedDate}, the form requires it; without it the day the last pieces were sent,
     * the earlier; the day the application was first handed in is kept as {@code firstFilingDate}). An
     * answer that the file is still incomplete changes nothing.
     */
    public void completenessAnswered(VariableScope execution) {
        if (!Boolean.TRUE.equals(execution.getVariable("fileComplete"))) {
            return;
        }
        Object completed = set(execution, "fileCompletedDate")
                ? execution.getVariable("fileCompletedDate")
                : execution.getVariable("missingPiecesSentDate");
        if (completed == null) {
            return;
        }
        if (execution.getVariable("firstFilingDate") == null) {
            execution.setVariable("firstFilingDate", execution.getVariable("filingDate"));
        }
        execution.setVariable("filingDate", completed);
    }

    // ------------------------------------------------------------------ commission-hearing

    /** The convocation is already known when the follow-up starts (it revealed the referral). */
    public boolean convocationKnown(VariableScope execution) {
        return set(execution, "convocationReceivedDate") && set(execution, "meetingDate");
    }

    /** The convocation arrived less than 15 days before the meeting (L432-15 CESEDA). */
    public boolean convocationLate(VariableScope execution) {
        return deadlines.isLate(execution, "COMMISSION_CONVOCATION", "meetingDate", "convocationReceivedDate");
    }

    // ------------------------------------------------------------------ the renewal after a grant

    /**
     * The card's renewal window follows the channel (R431-5 CESEDA): on the online service (the title on
     * the ANEF list, {@code onlineFiling}) from the 120th to the 60th day before the card ends
     * ({@code RENEWAL_ONLINE_*}); at a prefecture in the two months before it ends
     * ({@code RENEWAL_PREFECTURE_*}); channel unknown, the narrower window of both readings
     * ({@code RENEWAL_WINDOW_*}). Sets {@code renewalOpensRule} and {@code renewalClosesRule}, so that the
     * timers and due dates name their rule ({@code ${deadlines.due(execution, renewalClosesRule,
     * 'cardValidUntil')}}); a {@code renewalChannel} already chosen ({@code ANEF}, {@code PREFECTURE},
     * {@code REGISTERED_LETTER}: a prefecture's) wins over the ANEF list.
     */
    public void renewalWindow(VariableScope execution) {
        Object channel = execution.getVariable("renewalChannel");
        Object online = execution.getVariable("onlineFiling");
        String prefix;
        if ("ANEF".equals(channel) || channel == null && Boolean.TRUE.equals(online)) {
            prefix = "RENEWAL_ONLINE_";
        } else if (channel != null || Boolean.FALSE.equals(online)) {
            prefix = "RENEWAL_PREFECTURE_";
        } else {
            prefix = "RENEWAL_WINDOW_";
        }
        execution.setVariable("renewalOpensRule", prefix + "OPENS");
        execution.setVariable("renewalClosesRule", prefix + "CLOSES");
    }

    // ------------------------------------------------------------------ receipt of a renewal case

    /**
     * A document is already known: the one the main process passes when the follow-up resumes after an
     * interruption (a grant recorded later, R431-12 CESEDA), or the one issued with a renewal's filing.
     */
    public boolean documentKnown(VariableScope execution) {
        return set(execution, "receiptType") || renewalDocumentIssued(execution);
    }

    /** A renewal case whose récépissé or attestation is not issued yet: to be obtained. */
    public boolean renewalDocumentAwaited(VariableScope execution) {
        return !set(execution, "receiptType")
                && set(execution, "renewalOf")
                && !set(execution, "renewalReceiptValidUntil");
    }

    /**
     * Follows the known document. One issued with the renewal's filing becomes the one followed: online (ANEF)
     * the attestation of extension of the examination (R431-15-1 CESEDA), otherwise the récépissé (R431-12).
     */
    public void followKnownDocument(VariableScope execution) {
        if (set(execution, "receiptType")) {
            return;
        }
        boolean online = "ANEF".equals(execution.getVariable("renewalChannel"));
        execution.setVariable("receiptType", online ? "EXTENSION_ATTESTATION" : "RECEPISSE");
        execution.setVariable("receiptIssuedDate", execution.getVariable("renewalReceiptIssuedDate"));
        execution.setVariable("receiptValidUntil", execution.getVariable("renewalReceiptValidUntil"));
    }

    private static boolean renewalDocumentIssued(VariableScope execution) {
        return set(execution, "renewalOf") && set(execution, "renewalReceiptValidUntil");
    }

    // ------------------------------------------------------------------ dates set by someone else

    /**
     * The start of the date in {@code dateVariable} (a date the prefecture set: pieces to send, the
     * récépissé's end), or null when none was given: a task with no due date.
     */
    public Date dueOn(VariableScope execution, String dateVariable) {
        return set(execution, dateVariable) ? deadlines.at(execution, dateVariable) : null;
    }

    private static boolean set(VariableScope execution, String name) {
        Object value = execution.getVariable(name);
        return value != null && !value.toString().isBlank();
    }
}
