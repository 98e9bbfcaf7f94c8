package fr.passerelle.processes;

import static fr.passerelle.processes.support.MapScope.scope;
import static fr.passerelle.processes.support.MapScope.vars;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.processes.support.ProcessTestCase;
import fr.passerelle.processes.support.TestDeadlines;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The steps' own rules ({@link StepRules}) without an engine, over the stand-in deadlines. */
class StepRulesTest {

    private final StepRules rules = new StepRules(new TestDeadlines());

    @Test
    void aSlotCountsOnlyWithItsDateAndTheRegisteredLetterOnlyWithoutASlot() {
        assertThat(rules.slotObtained(scope(vars("attemptResult", "SLOT_OBTAINED", "appointmentDate", "2026-03-20"))))
                .isTrue();
        assertThat(rules.slotObtained(scope(vars("attemptResult", "SLOT_OBTAINED", "appointmentDate", ""))))
                .isFalse();
        assertThat(rules.slotObtained(scope(vars("attemptResult", "NO_SLOT")))).isFalse();
        assertThat(rules.toRegisteredLetter(scope(vars("attemptResult", "NO_SLOT", "sendByRegisteredLetter", true))))
                .isTrue();
        assertThat(rules.toRegisteredLetter(
                        scope(vars("attemptResult", "SLOT_OBTAINED", "sendByRegisteredLetter", true))))
                .isFalse();
        assertThat(rules.toRegisteredLetter(scope(vars("attemptResult", "NO_SLOT"))))
                .isFalse();
        assertThat(rules.appointmentGiven(
                        scope(vars("followUpResult", "APPOINTMENT_GIVEN", "appointmentDate", "2026-04-02"))))
                .isTrue();
        assertThat(rules.appointmentGiven(scope(vars("followUpResult", "APPOINTMENT_GIVEN"))))
                .isFalse();
        assertThat(rules.appointmentGiven(scope(vars("followUpResult", "NO_ANSWER", "appointmentDate", "2026-04-02"))))
                .isFalse();
    }

    @Test
    void theFeeIsDueUnlessPaidOrNotDue() {
        assertThat(rules.feeDue(scope(vars()))).isTrue();
        assertThat(rules.feeDue(scope(vars("feePaid", false, "feeNotDue", false))))
                .isTrue();
        assertThat(rules.feeDue(scope(vars("feePaid", true)))).isFalse();
        assertThat(rules.feeDue(scope(vars("feeNotDue", true)))).isFalse();
    }

    @Test
    void theFourMonthsRunFromTheCompleteFile() {
        Map<String, Object> still = vars("filingDate", "2026-03-09", "fileComplete", false);
        rules.completenessAnswered(scope(still));
        assertThat(still).containsEntry("filingDate", "2026-03-09").doesNotContainKey("firstFilingDate");

        Map<String, Object> complete = vars(
                "filingDate", "2026-03-09",
                "fileComplete", true,
                "missingPiecesSentDate", "2026-03-30",
                "fileCompletedDate", "2026-04-03");
        rules.completenessAnswered(scope(complete));
        assertThat(complete).containsEntry("filingDate", "2026-04-03").containsEntry("firstFilingDate", "2026-03-09");

        Map<String, Object> unknownReceipt =
                vars("filingDate", "2026-03-09", "fileComplete", true, "missingPiecesSentDate", "2026-03-30");
        rules.completenessAnswered(scope(unknownReceipt));
        assertThat(unknownReceipt).containsEntry("filingDate", "2026-03-30");
    }

    @Test
    void theConvocationKnownAndLate() {
        assertThat(rules.convocationKnown(
                        scope(vars("convocationReceivedDate", "2026-03-01", "meetingDate", "2026-03-20"))))
                .isTrue();
        assertThat(rules.convocationKnown(scope(vars("meetingDate", "2026-03-20"))))
                .isFalse();
        // L432-15: at least 15 days before the meeting (stand-in: meeting - 15 days)
        assertThat(rules.convocationLate(
                        scope(vars("convocationReceivedDate", "2026-03-05", "meetingDate", "2026-03-20"))))
                .isFalse();
        assertThat(rules.convocationLate(
                        scope(vars("convocationReceivedDate", "2026-03-06", "meetingDate", "2026-03-20"))))
                .isTrue();
    }

    @Test
    void aDateSetByTheAuthorityIsADueDateOnlyWhenGiven() {
        assertThat(rules.dueOn(scope(vars("missingPiecesDueDate", "2026-03-24")), "missingPiecesDueDate"))
                .isEqualTo(ProcessTestCase.startOf("2026-03-24"));
        assertThat(rules.dueOn(scope(vars()), "missingPiecesDueDate")).isNull();
        assertThat(rules.dueOn(scope(vars("receiptValidUntil", " ")), "receiptValidUntil"))
                .isNull();
    }

    @Test
    void theRenewalWindowFollowsTheChannel() {
        Map<String, Object> online = vars("onlineFiling", true, "cardValidUntil", "2026-06-30");
        rules.renewalWindow(scope(online));
        assertThat(online)
                .containsEntry("renewalOpensRule", "RENEWAL_ONLINE_OPENS")
                .containsEntry("renewalClosesRule", "RENEWAL_ONLINE_CLOSES");
        // stand-in: 120 days and 60 days before the card's last day
        TestDeadlines deadlines = new TestDeadlines();
        assertThat(deadlines.timer(scope(online), "RENEWAL_ONLINE_OPENS", "cardValidUntil"))
                .isEqualTo(ProcessTestCase.startOf("2026-03-02"));
        assertThat(deadlines.due(scope(online), "RENEWAL_ONLINE_CLOSES", "cardValidUntil"))
                .isEqualTo(ProcessTestCase.endOf("2026-05-01"));

        Map<String, Object> counter = vars("onlineFiling", false);
        rules.renewalWindow(scope(counter));
        assertThat(counter)
                .containsEntry("renewalOpensRule", "RENEWAL_PREFECTURE_OPENS")
                .containsEntry("renewalClosesRule", "RENEWAL_PREFECTURE_CLOSES");

        Map<String, Object> chosen = vars("onlineFiling", true, "renewalChannel", "PREFECTURE");
        rules.renewalWindow(scope(chosen));
        assertThat(chosen).containsEntry("renewalClosesRule", "RENEWAL_PREFECTURE_CLOSES");

        Map<String, Object> unknown = vars();
        rules.renewalWindow(scope(unknown));
        assertThat(unknown)
                .containsEntry("renewalOpensRule", "RENEWAL_WINDOW_OPENS")
                .containsEntry("renewalClosesRule", "RENEWAL_WINDOW_CLOSES");
    }
}
