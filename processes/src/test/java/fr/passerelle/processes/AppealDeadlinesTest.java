package fr.passerelle.processes;

import static fr.passerelle.processes.support.MapScope.scope;
import static fr.passerelle.processes.support.MapScope.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.processes.support.ProcessTestCase;
import fr.passerelle.processes.support.TestDeadlines;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The appeals' rules ({@link AppealDeadlines}) without an engine, over the stand-in deadlines: what
 * issue 18 asks of them (legal aid at any time, the printed deadline, the judge's time, the court of
 * appeal, the enforcement of a judgment, a late administrative appeal), and what the main process can
 * call for its own escalations ({@link AppealDeadlines#halfTime} on {@code decideContentiousAppeal}).
 */
class AppealDeadlinesTest {

    private final AppealDeadlines rules = new AppealDeadlines(new TestDeadlines());

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Refused 20 February 2026: the stand-in's 2 months end with 21 April. */
    private Map<String, Object> refused(Object... more) {
        Map<String, Object> v = vars("decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-02-20");
        v.putAll(vars(more));
        rules.start(scope(v));
        return v;
    }

    @Test
    void aShorterPrintedDeadlineIsKeptWhileTheDeadlineRunsFromTheNotification() {
        Map<String, Object> v = refused("printedDeadline", "2026-04-10");
        assertThat(v).containsEntry("printedDeadlineApplies", true);
        Date legal = ProcessTestCase.endOf("2026-04-21");
        assertThat(rules.orPrinted(scope(v), legal)).isEqualTo(ProcessTestCase.endOf("2026-04-10"));
        assertThat(rules.orPrintedTimer(scope(v), ProcessTestCase.startOf("2026-04-22")))
                .isEqualTo(ProcessTestCase.startOf("2026-04-11"));
        // a later printed date: the law's
        assertThat(rules.orPrinted(scope(refused("printedDeadline", "2026-05-10")), legal))
                .isEqualTo(legal);
        // restarted after the legal-aid decision: the printed date is spent
        v.put("legalAidDecisionDate", "2026-05-04");
        rules.legalAidDecided(scope(v));
        assertThat(v)
                .containsEntry("contentiousAppealFrom", "2026-05-04")
                .containsEntry("printedDeadlineApplies", false);
        assertThat(rules.orPrinted(scope(v), legal)).isEqualTo(legal);
        // restarted after administrative appeals (the caller's start): not applied from the start
        Map<String, Object> after = refused(
                "printedDeadline",
                "2026-04-10",
                "contentiousAppealRule",
                "CONTENTIOUS_APPEAL",
                "contentiousAppealFrom",
                "2026-04-10");
        assertThat(after).containsEntry("printedDeadlineApplies", false);
    }

    @Test
    void legalAidInterruptsTheTwoMonthsAndTheMonthWhenSentByTheLastDay() {
        assertThat(rules.legalAidInterrupts(scope(refused("legalAidRequestedDate", "2026-04-21"))))
                .isTrue();
        assertThat(rules.legalAidInterrupts(scope(refused("legalAidRequestedDate", "2026-04-22"))))
                .isFalse();
        // against a shorter printed deadline, the safe reading: by the printed day
        assertThat(rules.legalAidInterrupts(
                        scope(refused("printedDeadline", "2026-04-10", "legalAidRequestedDate", "2026-04-15"))))
                .isFalse();
        // not 7 days nor 48 hours, not once its decision is known
        Map<String, Object> house = vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-03-02",
                "oqtfKind",
                "HOUSE_ARREST",
                "legalAidRequestedDate",
                "2026-03-03");
        rules.start(scope(house));
        assertThat(rules.legalAidInterrupts(scope(house))).isFalse();
        assertThat(rules.legalAidInterrupts(
                        scope(refused("legalAidRequestedDate", "2026-03-01", "legalAidDecisionDate", "2026-03-20"))))
                .isFalse();
        assertThat(rules.resumeAt(scope(refused("legalAidRequestedDate", "2026-03-01"))))
                .isEqualTo("LEGAL_AID");
    }

    @Test
    void theMissedDeadlineNeverAbandonsAnAppealLegalAidInterrupted() {
        assertThat(rules.missedDeadline(scope(refused("abandonAppeal", true, "legalAidRequestedDate", "2026-04-01"))))
                .isEqualTo("LEGAL_AID");
        assertThat(rules.missedDeadline(scope(refused("abandonAppeal", true, "legalAidRequestedDate", "2026-04-30"))))
                .isEqualTo("ABANDON");
        assertThat(rules.missedDeadline(scope(refused("abandonAppeal", false)))).isEqualTo("KEEP");
        assertThat(rules.legalAidToRequest(scope(refused("legalAidRequested", true))))
                .isTrue();
        assertThat(rules.legalAidToRequest(
                        scope(refused("legalAidRequested", true, "legalAidRequestedDate", "2026-03-01"))))
                .isFalse();
    }

    @Test
    void aPendingLegalAidRequestIsFollowedUpFromTheRequestThenFromTheLastChase() {
        Map<String, Object> v = refused("legalAidRequestedDate", "2026-03-05");
        rules.legalAidAwaited(scope(v));
        assertThat(v).containsEntry("legalAidPending", true).containsEntry("legalAidFollowUpFrom", "2026-03-05");
        v.put("legalAidFollowUpDate", "2026-04-07");
        rules.legalAidFollowedUp(scope(v));
        assertThat(v).containsEntry("legalAidFollowUpFrom", "2026-04-07");
    }

    @Test
    void theJudgesTimeWithARestrictionOfLiberty() {
        Map<String, Object> retention = vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-03-02",
                "oqtfKind",
                "RETENTION",
                "oqtfNotifiedAt",
                "2026-03-02T08:30");
        rules.start(scope(retention));
        Date ruling = ProcessTestCase.paris(LocalDateTime.of(2026, 3, 8, 8, 30));
        assertThat(rules.hasRulingTime(scope(retention))).isTrue();
        assertThat(rules.proceedingsDue(scope(retention))).isEqualTo(ruling);
        assertThat(rules.rulingTime(scope(retention))).isEqualTo(ruling);
        // the offer expires after 4 hours, never after the judge's time
        ClockUtil.setCurrentTime(ProcessTestCase.paris(LocalDateTime.of(2026, 3, 3, 9, 0)));
        assertThat(rules.proceedingsOfferExpiry(scope(retention)))
                .isEqualTo(ProcessTestCase.paris(LocalDateTime.of(2026, 3, 3, 13, 0)));
        ClockUtil.setCurrentTime(ProcessTestCase.paris(LocalDateTime.of(2026, 3, 8, 6, 0)));
        assertThat(rules.proceedingsOfferExpiry(scope(retention))).isEqualTo(ruling);

        Map<String, Object> house = vars(
                "contentiousAppealRule",
                "OQTF_HOUSE_ARREST",
                "contentiousAppealFrom",
                "2026-03-02",
                "requestFiledDate",
                "2026-03-05");
        assertThat(rules.proceedingsDue(scope(house))).isEqualTo(ProcessTestCase.endOf("2026-03-20"));
        Map<String, Object> plain = refused();
        assertThat(rules.hasRulingTime(scope(plain))).isFalse();
        assertThat(rules.proceedingsDue(scope(plain))).isNull();
        assertThatThrownBy(() -> rules.rulingTime(scope(plain))).isInstanceOf(IllegalStateException.class);
        assertThat(rules.lawyerOf(scope(plain))).isNull();
        assertThat(rules.lawyerOf(scope(vars("lawyerId", "lawyer-martin")))).isEqualTo("lawyer-martin");
    }

    @Test
    void afterTheJudgmentTheCourtOfAppealAndTheEnforcement() {
        Map<String, Object> oqtf = vars("contentiousAppealRule", "OQTF_ORDINARY", "judgmentDate", "2026-06-15");
        rules.judged(scope(oqtf));
        assertThat(oqtf).containsEntry("courtOfAppealRule", "CAA_APPEAL_OQTF");
        Map<String, Object> refusal = vars("contentiousAppealRule", "CONTENTIOUS_APPEAL", "judgmentDate", "2026-06-15");
        rules.judged(scope(refusal));
        assertThat(refusal).containsEntry("courtOfAppealRule", "CAA_APPEAL");

        rules.executionRequested(scope(refusal));
        assertThat(refusal)
                .containsEntry("enforcementRule", "JUDGMENT_ENFORCEMENT")
                .containsEntry("enforcementFrom", "2026-06-15");
        refusal.put("injunctionDeadline", "2026-08-15");
        rules.executionRequested(scope(refusal));
        assertThat(refusal)
                .containsEntry("enforcementRule", "INJUNCTION_EXPIRY")
                .containsEntry("enforcementFrom", "2026-08-15");
    }

    @Test
    void aLateAdministrativeAppealNeedsItsDateAndIsCheckedAgainstTheDeadline() {
        Map<String, Object> v = vars("decisionNotifiedDate", "2026-02-20", "administrativeAppealSent", true);
        assertThat(rules.administrativeAppealSentInTime(scope(v))).as("no date").isFalse();
        v.put("administrativeAppealSentDate", "2026-04-21");
        assertThat(rules.administrativeAppealSentInTime(scope(v))).isTrue();
        v.put("administrativeAppealSentDate", "2026-04-22");
        assertThat(rules.administrativeAppealSentInTime(scope(v))).isFalse();
        v.put("administrativeAppealSent", false);
        v.put("administrativeAppealSentDate", "2026-04-01");
        assertThat(rules.administrativeAppealSentInTime(scope(v))).isFalse();
    }

    /**
     * What regularisation can time {@code decideContentiousAppeal}'s escalations on: half-way to the
     * deadline, and the deadline itself (its variables have no printed deadline: the law's).
     */
    @Test
    void theMainProcessCanEscalateTheDecisionOnTheSameDeadline() {
        Map<String, Object> v =
                vars("contentiousAppealRule", "OQTF_HOUSE_ARREST", "contentiousAppealFrom", "2026-07-02T10:00");
        Date from = ProcessTestCase.paris(LocalDateTime.of(2026, 7, 2, 10, 0));
        Date due = ProcessTestCase.endOf("2026-07-09");
        assertThat(rules.halfTime(scope(v))).isEqualTo(new Date(from.getTime() + (due.getTime() - from.getTime()) / 2));
        assertThat(rules.orPrintedTimer(scope(v), ProcessTestCase.startOf("2026-07-10")))
                .isEqualTo(ProcessTestCase.startOf("2026-07-10"));
    }

    /** The OQTF appeal's last alert: the start of the last day, never before half-time (48 hours). */
    @Test
    void theLastDayStartsAtMidnightOfTheDeadlinesDayButNeverBeforeHalfTime() {
        Map<String, Object> week =
                vars("contentiousAppealRule", "OQTF_HOUSE_ARREST", "contentiousAppealFrom", "2026-07-02T10:00");
        assertThat(rules.lastDay(scope(week))).isEqualTo(ProcessTestCase.startOf("2026-07-09"));

        // 48 hours from 2 July 23:00 end on 4 July 23:00: the start of 4 July is after half-time (3 July 23:00)
        Map<String, Object> hours =
                vars("contentiousAppealRule", "OQTF_RETENTION", "contentiousAppealFrom", "2026-07-02T23:00");
        assertThat(rules.lastDay(scope(hours))).isEqualTo(ProcessTestCase.startOf("2026-07-04"));
        // from midnight on 2 July they end at midnight on 4 July: their last day is 3 July, from half-time
        Map<String, Object> midnight =
                vars("contentiousAppealRule", "OQTF_RETENTION", "contentiousAppealFrom", "2026-07-02T00:00");
        assertThat(rules.lastDay(scope(midnight)))
                .isEqualTo(ProcessTestCase.startOf("2026-07-03"))
                .isEqualTo(rules.halfTime(scope(midnight)));
    }

    @Test
    void aPrisonTermBringsSevenDaysAsAHouseArrestAndAnOqtfBeforeTheReformFortyEightHours() {
        Map<String, Object> v = vars(
                "decisionOutcome", "REFUSED_WITH_OQTF",
                "decisionNotifiedDate", "2026-03-02",
                "oqtfKind", "ORDINARY",
                "oqtfNotifiedAt", "2026-03-02",
                "restrictionKind", "IMPRISONMENT",
                "restrictionNotifiedAt", "2026-03-12T10:00");
        rules.start(scope(v));
        assertThat(AppealDeadlines.shorterRule(scope(v))).isEqualTo("OQTF_HOUSE_ARREST");
        assertThat(rules.restrictionEffect(scope(v))).isEqualTo(AppealDeadlines.SWITCH);
        rules.switchDeadline(scope(v));
        assertThat(v).containsEntry("contentiousAppealRule", "OQTF_HOUSE_ARREST");

        v.put("oqtfNotifiedAt", "2024-07-01");
        assertThat(AppealDeadlines.shorterRule(scope(v))).isEqualTo("OQTF_RETENTION");
        v.put("restrictionKind", "ARREST");
        assertThat(AppealDeadlines.shorterRule(scope(v))).isNull();
    }

    @Test
    void theNamedMethodsTheModelsCallInsteadOfLongExpressions() {
        Map<String, Object> v = refused("printedDeadline", "2026-04-10");
        assertThat(rules.due(scope(v), "CONTENTIOUS_APPEAL")).isEqualTo(ProcessTestCase.endOf("2026-04-10"));
        assertThat(rules.timer(scope(v), "CONTENTIOUS_APPEAL")).isEqualTo(ProcessTestCase.startOf("2026-04-11"));
        Map<String, Object> plain = refused();
        assertThat(rules.due(scope(plain), "CONTENTIOUS_APPEAL")).isEqualTo(ProcessTestCase.endOf("2026-04-21"));

        assertThat(rules.rulingDue(scope(plain), null)).isNull();
        assertThat(rules.rulingDue(scope(plain), ""))
                .as("null through the expression language")
                .isNull();
        plain.put("rulingFrom", "2026-03-10");
        assertThat(rules.rulingDue(scope(plain), "COURT_RULING_HOUSE_ARREST"))
                .isEqualTo(ProcessTestCase.endOf("2026-03-25"));

        assertThat(rules.annulled(scope(vars("judgmentOutcome", "ANNULMENT_REEXAMINE"))))
                .isTrue();
        assertThat(rules.annulled(scope(vars("judgmentOutcome", "ANNULMENT_ISSUE"))))
                .isTrue();
        assertThat(rules.annulled(scope(vars("judgmentOutcome", "REJECTED")))).isFalse();

        Map<String, Object> appeal =
                vars("administrativeAppealSentDate", "2026-03-02", "administrativeAppealReceivedDate", "2026-03-04");
        rules.silenceFrom(scope(appeal), "administrativeAppealSentDate");
        assertThat(appeal).containsEntry("implicitRejectionFrom", "2026-03-02");
        rules.silenceFrom(scope(appeal), "administrativeAppealReceivedDate");
        assertThat(appeal).containsEntry("implicitRejectionFrom", "2026-03-04");
        // L231-4 CRPA: 2 months of silence (stand-in: + 2 months, the start of that day)
        assertThat(rules.implicitRejection(scope(appeal))).isEqualTo(ProcessTestCase.startOf("2026-05-04"));
        rules.implicitlyRejected(scope(appeal));
        assertThat(appeal).containsEntry("administrativeAppealRejectedDate", "2026-05-04");
        appeal.put("administrativeAppealAnswerDate", "2026-04-15");
        rules.rejected(scope(appeal));
        assertThat(appeal).containsEntry("administrativeAppealRejectedDate", "2026-04-15");
    }
}
