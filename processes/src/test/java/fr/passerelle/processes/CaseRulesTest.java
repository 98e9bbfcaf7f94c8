package fr.passerelle.processes;

import static fr.passerelle.processes.support.MapScope.scope;
import static fr.passerelle.processes.support.MapScope.vars;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.processes.AppointmentLog.Attempt;
import fr.passerelle.processes.support.TestDeadlines;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The main process's rules ({@link CaseRules}) and the appointment log's count, without an engine. */
class CaseRulesTest {

    private final CaseRules rules = new CaseRules(new TestDeadlines());

    @Test
    void anImplicitRefusalLeavesTheExaminationOpenAndCountsTwoMonths() {
        Map<String, Object> v = vars("decisionOutcome", "IMPLICIT_REFUSAL", "decisionNotifiedDate", "2026-07-02");
        rules.decided(scope(v));
        assertThat(v)
                .containsEntry("examinationOver", false)
                .containsEntry("contentiousAppealRule", "CONTENTIOUS_APPEAL")
                .containsEntry("contentiousAppealFrom", "2026-07-02")
                .containsEntry("printedDeadlineDiffers", false);
    }

    @Test
    void anOqtfOfUnknownRegimeIsTheShortestAndAPrintedDeadlineIsComparedByDay() {
        Map<String, Object> v = vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-05-04",
                "oqtfNotifiedAt",
                "2026-05-04T17:30",
                "printedDeadline",
                "2026-05-06");
        rules.decided(scope(v));
        assertThat(v)
                .containsEntry("contentiousAppealRule", "OQTF_RETENTION")
                .containsEntry("examinationOver", true)
                .containsEntry("computedDeadline", "2026-05-06T17:30")
                .containsEntry("printedDeadlineDiffers", false);
    }

    @Test
    void aRestrictionNeverLengthensTheDeadline() {
        // retention on 10 May against a 7-day deadline from 4 May ending 11 May: 48 hours end 12 May, later: kept
        Map<String, Object> v = vars(
                "contentiousAppealRule",
                "OQTF_HOUSE_ARREST",
                "contentiousAppealFrom",
                "2026-05-04",
                "restrictionKind",
                "RETENTION",
                "restrictionNotifiedAt",
                "2026-05-10T08:00");
        rules.restrictionNotified(scope(v));
        assertThat(v)
                .containsEntry("contentiousAppealRule", "OQTF_HOUSE_ARREST")
                .containsEntry("deadlineSwitched", false);
        // a refusal without OQTF is not shortened by a house arrest
        Map<String, Object> refusal = vars(
                "contentiousAppealRule",
                "CONTENTIOUS_APPEAL",
                "contentiousAppealFrom",
                "2026-05-04",
                "restrictionKind",
                "HOUSE_ARREST",
                "restrictionNotifiedAt",
                "2026-05-10T08:00");
        rules.restrictionNotified(scope(refusal));
        assertThat(refusal).containsEntry("contentiousAppealRule", "CONTENTIOUS_APPEAL");
    }

    @Test
    void theContentiousDeadlineRestartsFromTheLaterRejection() {
        Map<String, Object> v =
                vars("graciousAppealRejectedDate", "2026-06-01", "hierarchicalAppealRejectedDate", "2026-07-13");
        rules.administrativeAppealsRejected(scope(v));
        assertThat(v).containsEntry("contentiousAppealFrom", "2026-07-13");
    }

    @Test
    void aPriorEntryBanIsARiskOfArrest() {
        Map<String, Object> v = vars("priorEntryBan", true);
        assertThat(rules.arrestRisk(scope(v))).isTrue();
        assertThat(v).containsEntry("arrestRisk", true);
        assertThat(rules.arrestRisk(scope(vars()))).isFalse();
    }

    @Test
    void failedAttemptsAreCountedBackFromTheLatestOverTheWindow() {
        List<Attempt> attempts = List.of(
                new Attempt(LocalDateTime.of(2026, 3, 2, 9, 0), "PHONE", "NO_SLOT", null),
                new Attempt(LocalDateTime.of(2026, 3, 30, 9, 0), "PHONE", "SLOT_OBTAINED", null),
                new Attempt(LocalDateTime.of(2026, 3, 30, 10, 0), "PHONE", "NO_ANSWER", null));
        assertThat(AppointmentLog.recentFailures(attempts, Duration.ofDays(28))).hasSize(2);
        assertThat(AppointmentLog.recentFailures(attempts, Duration.ofDays(27))).hasSize(1);
        assertThat(AppointmentLog.datedList(attempts.subList(0, 1)))
                .isEqualTo("- lundi 2 mars 2026 à 09h00 : téléphone, aucun créneau\n");
    }

    // ---------------------------------------------------------------- issue 18

    @Test
    void theOqtfRegimeIsThePersonsSituationWhenNotified() {
        assertThat(OqtfRegime.rule("ORDINARY", "2026-05-04")).isEqualTo("OQTF_ORDINARY");
        assertThat(OqtfRegime.rule("HOUSE_ARREST", "2026-05-04")).isEqualTo("OQTF_HOUSE_ARREST");
        assertThat(OqtfRegime.rule("IMPRISONMENT", "2026-05-04T10:00")).isEqualTo("OQTF_HOUSE_ARREST");
        assertThat(OqtfRegime.rule("RETENTION", "2026-05-04T10:00")).isEqualTo("OQTF_RETENTION");
        assertThat(OqtfRegime.rule(null, "2026-05-04"))
                .as("unknown: the shortest")
                .isEqualTo("OQTF_RETENTION");
        assertThat(OqtfRegime.rule("ORDINARY", null)).isEqualTo("OQTF_ORDINARY");
        // before 15 July 2024, the former rules: 30 days free (the deadlines bean counts it), 48 hours otherwise
        assertThat(OqtfRegime.former("2024-07-14T23:59")).isTrue();
        assertThat(OqtfRegime.former("2024-07-15")).isFalse();
        assertThat(OqtfRegime.rule("ORDINARY", "2024-07-14")).isEqualTo("OQTF_ORDINARY");
        assertThat(OqtfRegime.rule("IMPRISONMENT", "2024-07-14")).isEqualTo("OQTF_RETENTION");
        assertThat(OqtfRegime.restrictionRule("HOUSE_ARREST", "2024-06-01")).isEqualTo("OQTF_RETENTION");
        assertThat(OqtfRegime.restrictionRule("IMPRISONMENT", "2026-05-04")).isEqualTo("OQTF_HOUSE_ARREST");
        assertThat(OqtfRegime.restrictionRule("ARREST", "2026-05-04")).isNull();
        assertThat(CaseRules.contentiousRule("OQTF", "HOUSE_ARREST")).isEqualTo("OQTF_HOUSE_ARREST");
        assertThat(CaseRules.contentiousRule("REFUSED", "HOUSE_ARREST")).isEqualTo("CONTENTIOUS_APPEAL");
        assertThat(OqtfRegime.dateTime("2026-05-04T10:00:00+02:00")).isEqualTo(LocalDateTime.of(2026, 5, 4, 10, 0));
    }

    @Test
    void byPostTheOqtfCountsFromTheFirstPresentation() {
        Map<String, Object> post = vars(
                "notificationMode",
                "POST",
                "decisionNotifiedDate",
                "2026-05-04",
                "oqtfNotifiedAt",
                "2026-05-18T11:00",
                "oqtfKind",
                "ORDINARY");
        assertThat(rules.oqtfNotifiedAt(scope(post))).isEqualTo("2026-05-04");
        rules.oqtfDeadline(scope(post));
        assertThat(post)
                .containsEntry("oqtfNotifiedAt", "2026-05-04")
                .containsEntry("contentiousAppealFrom", "2026-05-04")
                .containsEntry("contentiousAppealRule", "OQTF_ORDINARY");
        Map<String, Object> hand = vars(
                "notificationMode", "HAND", "decisionNotifiedDate", "2026-05-04", "oqtfNotifiedAt", "2026-05-04T17:30");
        assertThat(rules.oqtfNotifiedAt(scope(hand))).isEqualTo("2026-05-04T17:30");
        assertThat(rules.oqtfNotifiedAt(scope(vars("decisionNotifiedDate", "2026-05-04"))))
                .isEqualTo("2026-05-04");
    }

    @Test
    void aRestrictionCountsOnlyForAnOqtfAlreadyNotifiedDuringItsDelay() {
        // notified before the OQTF: not this OQTF's, cleared
        Map<String, Object> before = vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-05-04",
                "oqtfKind",
                "ORDINARY",
                "restrictionKind",
                "HOUSE_ARREST",
                "restrictionNotifiedAt",
                "2026-01-10T10:00");
        rules.decided(scope(before));
        assertThat(before)
                .containsEntry("contentiousAppealRule", "OQTF_ORDINARY")
                .containsEntry("restrictionKind", null)
                .containsEntry("restrictionNotifiedAt", null)
                .containsEntry("deadlineSwitched", false);
        // notified after the OQTF, recorded before the decision: counts
        Map<String, Object> after = vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-05-04",
                "oqtfKind",
                "ORDINARY",
                "restrictionKind",
                "IMPRISONMENT",
                "restrictionNotifiedAt",
                "2026-05-10T10:00");
        rules.decided(scope(after));
        assertThat(after)
                .containsEntry("contentiousAppealRule", "OQTF_HOUSE_ARREST")
                .containsEntry("contentiousAppealFrom", "2026-05-10T10:00")
                .containsEntry("deadlineSwitched", true)
                .containsEntry("computedDeadline", "2026-05-17");
        // notified once the month is over: nothing reopens
        Map<String, Object> late = vars(
                "contentiousAppealRule",
                "OQTF_ORDINARY",
                "contentiousAppealFrom",
                "2026-05-04",
                "oqtfNotifiedAt",
                "2026-05-04",
                "restrictionKind",
                "RETENTION",
                "restrictionNotifiedAt",
                "2026-06-20T10:00");
        assertThat(rules.restrictionShortens(scope(late))).isFalse();
        late.put("restrictionNotifiedAt", "2026-06-02T10:00");
        assertThat(rules.restrictionShortens(scope(late)))
                .as("48 hours ending before the month")
                .isTrue();
        late.put("restrictionNotifiedAt", "2026-06-05T10:00");
        assertThat(rules.restrictionShortens(scope(late)))
                .as("48 hours ending after it: never longer")
                .isFalse();
    }

    @Test
    void afterAnImplicitRefusalNoAppealWaitsAndOnlyANotifiedDecisionIsAwaited() {
        Map<String, Object> v = vars("decisionOutcome", "IMPLICIT_REFUSAL", "decisionNotifiedDate", "2026-07-02");
        rules.decided(scope(v));
        assertThat(v).containsEntry("implicitRefusalBorn", true);
        assertThat(rules.awaitsExplicitDecision(scope(v))).isTrue();
        assertThat(rules.onlyANotifiedDecision(scope(vars("filingDate", "2026-03-02", "implicitRefusalBorn", true))))
                .isTrue();
        assertThat(rules.onlyANotifiedDecision(scope(vars("filingDate", "2026-03-02", "fileComplete", true))))
                .isFalse();
        assertThat(rules.onlyANotifiedDecision(scope(vars("fileComplete", true))))
                .isTrue();
        v.put("examinationOver", true);
        assertThat(rules.awaitsExplicitDecision(scope(v)))
                .as("an explicit refusal came since")
                .isFalse();
        assertThat(rules.awaitsExplicitDecision(scope(vars("decisionOutcome", "REFUSED"))))
                .isFalse();
        rules.reexamine(scope(v), "decisionNotifiedDate");
        assertThat(v).containsEntry("implicitRefusalBorn", false);
    }

    /** R431-12 CESEDA: after a grant the récépissé is followed until the card is collected. */
    @Test
    void theReceiptIsFollowedUntilARefusalOrTheCardIsCollected() {
        assertThat(rules.receiptFollowUpOver(
                        scope(vars("decisionOutcome", "IMPLICIT_REFUSAL", "examinationOver", false))))
                .isFalse();
        assertThat(rules.receiptFollowUpOver(scope(vars("decisionOutcome", "REFUSED", "examinationOver", true))))
                .isTrue();
        assertThat(rules.receiptFollowUpOver(scope(vars("decisionOutcome", "GRANTED", "examinationOver", true))))
                .as("granted, the card not collected yet")
                .isFalse();
        assertThat(rules.receiptFollowUpOver(scope(vars(
                        "decisionOutcome", "GRANTED", "examinationOver", true, "cardCollectedDate", "2026-08-03"))))
                .isTrue();
    }

    /** The reasons are asked of an implicit refusal only (L232-4 CRPA): an explicit refusal gives them. */
    @Test
    void onlyAnImplicitRefusalHasItsReasonsAsked() {
        assertThat(rules.implicitRefusal(scope(vars("decisionOutcome", "IMPLICIT_REFUSAL"))))
                .isTrue();
        assertThat(rules.implicitRefusal(scope(vars("decisionOutcome", "REFUSED"))))
                .isFalse();
        assertThat(rules.implicitRefusal(scope(vars()))).isFalse();
    }

    /** Item 10: an explicit refusal after an implicit one restarts the delay only within the implicit's own delay. */
    @Test
    void anExplicitRefusalAfterTheImplicitRefusalsDelayIsActedOnByTheEarlierDate() {
        Map<String, Object> v = vars("decisionOutcome", "IMPLICIT_REFUSAL", "decisionNotifiedDate", "2026-07-02");
        rules.decided(scope(v));
        assertThat(v).containsEntry("implicitRefusalDate", "2026-07-02");
        // within the implicit refusal's delay (to 3 September, stand-in): the delay restarts
        v.putAll(vars("decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-08-20"));
        rules.decided(scope(v));
        assertThat(v)
                .containsEntry("explicitRefusalConfirmative", false)
                .containsEntry("contentiousAppealFrom", "2026-08-20")
                .containsEntry("implicitRefusalDeadline", "2026-09-03")
                .containsEntry("explicitRefusalDeadline", "2026-10-21");
        // after it: perhaps only confirmative; both dates kept, the earlier acted on
        v.putAll(vars("decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-09-15"));
        rules.decided(scope(v));
        assertThat(v)
                .containsEntry("explicitRefusalConfirmative", true)
                .containsEntry("contentiousAppealFrom", "2026-07-02")
                .containsEntry("computedDeadline", "2026-09-03")
                .containsEntry("explicitRefusalDeadline", "2026-11-16");
        // a refusal with no implicit one before: nothing of the kind
        Map<String, Object> plain = vars("decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-09-15");
        rules.decided(scope(plain));
        assertThat(plain).containsEntry("explicitRefusalConfirmative", false);
    }

    @Test
    void aRenewalCaseStartsAtTheRenewalsFilingByItsChannel() {
        assertThat(rules.renewalFiled(scope(vars()))).isFalse();
        assertThat(rules.renewalFiled(scope(vars("renewalOf", "c-1")))).isFalse();
        Map<String, Object> online =
                vars("renewalOf", "c-1", "renewalFiledDate", "2027-07-22", "renewalChannel", "ANEF");
        assertThat(rules.renewalFiled(scope(online))).isTrue();
        rules.startRenewal(scope(online));
        assertThat(online).containsEntry("filingDate", "2027-07-22").containsEntry("filingMode", "ONLINE");
        Map<String, Object> letter = vars("renewalFiledDate", "2027-09-20", "renewalChannel", "REGISTERED_LETTER");
        rules.startRenewal(scope(letter));
        assertThat(letter).containsEntry("filingMode", "REGISTERED_LETTER");
        Map<String, Object> counter = vars("renewalFiledDate", "2027-09-20", "renewalChannel", "PREFECTURE");
        rules.startRenewal(scope(counter));
        assertThat(counter).containsEntry("filingMode", "APPOINTMENT");
    }

    @Test
    void theSilenceCountsFromTheReexaminationWhenThereIsOneElseFromTheFiling() {
        assertThat(rules.examinationFrom(scope(vars("filingDate", "2026-03-02"))))
                .isEqualTo("2026-03-02");
        assertThat(rules.examinationFrom(scope(vars("filingDate", "2026-03-02", "reexaminationFrom", "2027-03-01"))))
                .isEqualTo("2027-03-01");
    }

    @Test
    void anAdministrativeAppealGrantedIsEitherOfTheTwo() {
        assertThat(rules.administrativeAppealAccepted(scope(vars("hierarchicalAppealOutcome", "ACCEPTED"))))
                .isTrue();
        assertThat(rules.administrativeAppealAccepted(scope(vars("graciousAppealOutcome", "ACCEPTED"))))
                .isTrue();
        assertThat(rules.administrativeAppealAccepted(
                        scope(vars("graciousAppealOutcome", "REJECTED", "hierarchicalAppealOutcome", null))))
                .isFalse();
    }

    @Test
    void anAnnulmentIsCarriedOutByTheCardOrByANewDecision() {
        assertThat(rules.annulled(scope(vars("judgmentOutcome", "ANNULMENT_ISSUE"))))
                .isTrue();
        assertThat(rules.annulled(scope(vars("judgmentOutcome", "ANNULMENT_REEXAMINE"))))
                .isTrue();
        assertThat(rules.annulled(scope(vars("judgmentOutcome", "REJECTED")))).isFalse();
        assertThat(rules.annulled(scope(vars()))).isFalse();
        assertThat(rules.judgmentCarriedOut(scope(vars("judgmentOutcome", "ANNULMENT_ISSUE"))))
                .isFalse();
        assertThat(rules.judgmentCarriedOut(
                        scope(vars("judgmentOutcome", "ANNULMENT_ISSUE", "cardCollectedDate", "2026-09-01"))))
                .isTrue();
        assertThat(rules.judgmentCarriedOut(
                        scope(vars("judgmentOutcome", "ANNULMENT_REEXAMINE", "examinationOver", false))))
                .isFalse();
        assertThat(rules.judgmentCarriedOut(
                        scope(vars("judgmentOutcome", "ANNULMENT_REEXAMINE", "examinationOver", true))))
                .isTrue();
    }

    /**
     * Issue 18, item 13: the competent court is the one where the deciding prefecture sits (R312-1 CJA),
     * set with the decision and kept when the person moves; its department's holidays extend the court
     * deadlines (art. 642 CPC). The person filing may name another court: its seat follows.
     */
    @Test
    void aDecisionSetsTheCourtOfItsPrefectureAndTheFilingMayNameAnother() {
        Map<String, Object> v = vars(
                "decisionOutcome", "REFUSED",
                "decisionNotifiedDate", "2026-05-04",
                "department", "57");
        rules.decided(scope(v));
        assertThat(v).containsEntry("court", "STRASBOURG").containsEntry("courtDepartment", "67");

        Map<String, Object> oqtf = vars(
                "decisionOutcome", "OQTF",
                "decisionNotifiedDate", "2026-05-04",
                "oqtfKind", "ORDINARY",
                "department", "69");
        rules.oqtfDeadline(scope(oqtf));
        assertThat(oqtf).containsEntry("prefectureDepartment", "69").containsEntry("courtDepartment", "69");

        AppealDeadlines appeal = new AppealDeadlines(new TestDeadlines());
        v.put("court", "TA-54");
        appeal.courtChosen(scope(v));
        assertThat(v).containsEntry("courtDepartment", "54");

        Map<String, Object> noCourtGiven =
                vars("decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-05-04", "prefectureDepartment", "68");
        appeal.start(scope(noCourtGiven));
        assertThat(noCourtGiven).containsEntry("court", "STRASBOURG").containsEntry("courtDepartment", "67");
    }

    @Test
    void aDecisionKeepsItsPrefecturesDepartmentItsPrintedDeadlineAndForgetsEarlierLegalAid() {
        Map<String, Object> v = vars(
                "decisionOutcome", "REFUSED",
                "decisionNotifiedDate", "2026-05-04",
                "department", "57",
                "printedDeadline", "2026-06-30",
                "legalAidRequestedDate", "2025-12-01");
        rules.decided(scope(v));
        assertThat(v)
                .containsEntry("prefectureDepartment", "57")
                .containsEntry("printedDeadlineApplies", true)
                .containsEntry("legalAidRequestedDate", null);
        rules.administrativeAppealsRejected(scope(v));
        assertThat(v).containsEntry("printedDeadlineApplies", false);

        Map<String, Object> granted = vars("decisionOutcome", "GRANTED", "printedDeadline", "2026-06-30");
        rules.decided(scope(granted));
        assertThat(granted).containsEntry("printedDeadlineApplies", false);
    }

    @Test
    void onlyAsylumAndDublinAreNotOurs() {
        assertThat(rules.notOurs(scope(vars("closingKind", "NOT_OURS_ASYLUM")))).isTrue();
        assertThat(rules.notOurs(scope(vars("closingKind", "NOT_OURS_DUBLIN")))).isTrue();
        assertThat(rules.notOurs(scope(vars("closingKind", "NO_GROUND")))).isFalse();
        assertThat(rules.notOurs(scope(vars()))).isFalse();
    }

    @Test
    void theFourMonthsCountFromTheCompleteFileAndPiecesNeverMoveThemEarlier() {
        Map<String, Object> main =
                vars("filingDate", "2026-03-02", "reexaminationFrom", null, "completeFileDate", null);
        assertThat(rules.examinationFrom(scope(main))).isEqualTo("2026-03-02");
        main.put("completeFileDate", "2026-04-14");
        assertThat(rules.examinationFrom(scope(main))).isEqualTo("2026-04-14");

        Map<String, Object> decision = vars("filingDate", "2026-03-02");
        rules.silenceFrom(scope(decision));
        assertThat(decision).containsEntry("implicitRefusalFrom", "2026-03-02");
        decision.put("completeFileDate", "2026-02-20");
        rules.completeFileReceived(scope(decision));
        assertThat(decision).containsEntry("implicitRefusalFrom", "2026-03-02");
        decision.put("completeFileDate", "2026-04-14");
        rules.completeFileReceived(scope(decision));
        assertThat(decision).containsEntry("implicitRefusalFrom", "2026-04-14");
    }

    @Test
    void onlyAGrantThatInterruptedARunningReceiptFollowUpResumesItOnce() {
        Map<String, Object> v =
                vars("decisionOutcome", "GRANTED", "receiptFollowUpInterrupted", true, "receiptFollowUpRunning", false);
        assertThat(rules.receiptToResume(scope(v))).isTrue();
        assertThat(rules.receiptToResume(scope(v))).as("consumed").isFalse();

        Map<String, Object> refused = vars("decisionOutcome", "REFUSED", "receiptFollowUpInterrupted", true);
        assertThat(rules.receiptToResume(scope(refused))).isFalse();
        Map<String, Object> running =
                vars("decisionOutcome", "GRANTED", "receiptFollowUpInterrupted", true, "receiptFollowUpRunning", true);
        assertThat(rules.receiptToResume(scope(running))).isFalse();
    }
}
