package fr.passerelle.deadlines;

import static fr.passerelle.deadlines.DeadlineRule.CAA_APPEAL;
import static fr.passerelle.deadlines.DeadlineRule.CAA_APPEAL_OQTF;
import static fr.passerelle.deadlines.DeadlineRule.CONTENTIOUS_APPEAL;
import static fr.passerelle.deadlines.DeadlineRule.COURT_RULING_HOUSE_ARREST;
import static fr.passerelle.deadlines.DeadlineRule.COURT_RULING_RETENTION;
import static fr.passerelle.deadlines.DeadlineRule.INJUNCTION_EXPIRY;
import static fr.passerelle.deadlines.DeadlineRule.JUDGMENT_ENFORCEMENT;
import static fr.passerelle.deadlines.DeadlineRule.LEGAL_AID_FOLLOW_UP;
import static fr.passerelle.deadlines.DeadlineRule.OQTF_HOUSE_ARREST;
import static fr.passerelle.deadlines.DeadlineRule.OQTF_ORDINARY;
import static fr.passerelle.deadlines.DeadlineRule.OQTF_RETENTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, items 9, 11 and 12: the deadlines after the request is filed and after the judgment. The
 * judge's own time to rule when the person is restricted (L921-1: 15 days from the filing; L921-2:
 * 96 hours after the 48), the appeal to the cour administrative d'appel (R811-2 CJA: 2 months;
 * R776-9 CJA: 1 month for a judgment on an OQTF), the injunction's delay and the enforcement
 * request (L911-4, R921-1-1 CJA), and the follow-up of a pending legal-aid request.
 */
class AfterJudgmentDeadlinesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LegalDeadlines DEADLINES = new LegalDeadlines(new LegalCalendar());

    /** Judgment notified Tue 10 March 2026: 2 months franc, nominal Sun 10 May, ends with Mon 11 May. */
    @Test
    void theAppealToTheCourtOfAppealIsTwoMonthsFranc() {
        Deadline deadline = DEADLINES.compute(CAA_APPEAL, LocalDate.of(2026, 3, 10), "69");
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 5, 11));
        assertThat(deadline.timerAt()).isEqualTo(ZonedDateTime.of(2026, 5, 12, 0, 0, 0, 0, PARIS));
        assertThat(deadline.source()).contains("R811-2 CJA");
        assertThat(deadline.explanation()).contains("notification du jugement");
        // docs/deadlines.md, sequence 4: notified 15 June, nominal Saturday 15 August (a holiday), franc
        // Sunday 16, extended to Monday 17 August
        assertThat(DEADLINES
                        .compute(CAA_APPEAL, LocalDate.of(2026, 6, 15), "69")
                        .date())
                .isEqualTo(LocalDate.of(2026, 8, 17));
    }

    /**
     * A judgment on an OQTF: 1 month (R776-9 CJA). Notified Tue 10 March 2026: nominal Fri 10 April,
     * franc Saturday 11 April, extended to Monday 13 April.
     */
    @Test
    void aJudgmentOnAnOqtfIsAppealedWithinOneMonth() {
        Deadline deadline = DEADLINES.compute(CAA_APPEAL_OQTF, LocalDate.of(2026, 3, 10), "69");
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(deadline.source()).contains("R776-9 CJA");
        assertThat(DeadlineRule.courtOfAppealAfter(OQTF_ORDINARY)).isEqualTo(CAA_APPEAL_OQTF);
        assertThat(DeadlineRule.courtOfAppealAfter(OQTF_HOUSE_ARREST)).isEqualTo(CAA_APPEAL_OQTF);
        assertThat(DeadlineRule.courtOfAppealAfter(OQTF_RETENTION)).isEqualTo(CAA_APPEAL_OQTF);
        assertThat(DeadlineRule.courtOfAppealAfter(CONTENTIOUS_APPEAL)).isEqualTo(CAA_APPEAL);
    }

    /**
     * The cour administrative d'appel for Strasbourg sits in Nancy (54): Good Friday is not a holiday
     * there. A judgment of the tribunal of Strasbourg notified 2 February 2026: the appeal ends with
     * Friday 3 April (Good Friday), where the first-instance deadline in Moselle ran to Tuesday 7 April.
     */
    @Test
    void theCourtOfAppealCountsTheNationalHolidaysOnly() {
        Venue strasbourg = new Venue("57", "57", "67");
        assertThat(DEADLINES
                        .compute(CAA_APPEAL, LocalDate.of(2026, 2, 2).atStartOfDay(), strasbourg)
                        .date())
                .isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(DEADLINES
                        .compute(CONTENTIOUS_APPEAL, LocalDate.of(2026, 2, 2).atStartOfDay(), strasbourg)
                        .date())
                .isEqualTo(LocalDate.of(2026, 4, 7));
    }

    /** House arrest (L921-1): the judge rules within 15 days of the filing. Filed 10 March: by 25 March. */
    @Test
    void underHouseArrestTheJudgeRulesWithinFifteenDaysOfTheFiling() {
        Deadline deadline = DEADLINES.compute(COURT_RULING_HOUSE_ARREST, LocalDate.of(2026, 3, 10), "69");
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(deadline.source()).contains("L921-1");
    }

    /** Retention (L921-2): 96 hours after the end of the 48; notified 2 March 08:30 -> 8 March 08:30. */
    @Test
    void inRetentionTheJudgeRulesNinetySixHoursAfterTheFortyEight() {
        Deadline deadline = DEADLINES.compute(COURT_RULING_RETENTION, LocalDateTime.of(2026, 3, 2, 8, 30), "69");
        assertThat(deadline.dateTime()).isEqualTo(LocalDateTime.of(2026, 3, 8, 8, 30));
        assertThat(deadline.endsAt()).isEqualTo(ZonedDateTime.of(2026, 3, 8, 8, 30, 0, 0, PARIS));
        assertThat(deadline.source()).contains("L921-2", "96 heures");
        assertThat(COURT_RULING_RETENTION.countsHours()).isTrue();
    }

    /**
     * Across the change to summer time (29 March 2026): the 48 hours end Saturday 28 March 10:00;
     * 96 elapsed hours lead to Wednesday 1 April 11:00, the wall clock to 10:00: the earlier is kept.
     */
    @Test
    void theRulingTimeAcrossAClockChangeTakesTheEarlierReading() {
        Deadline deadline = DEADLINES.compute(COURT_RULING_RETENTION, LocalDateTime.of(2026, 3, 26, 10, 0), "75");
        assertThat(deadline.dateTime()).isEqualTo(LocalDateTime.of(2026, 4, 1, 10, 0));
    }

    /** The judgment's own delay ends on the day entered; enforcement can then be asked (L911-4 CJA). */
    @Test
    void anInjunctionsDelayEndsOnItsLastDay() {
        Deadline deadline = DEADLINES.compute(INJUNCTION_EXPIRY, LocalDate.of(2026, 5, 20), "69");
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(deadline.timerAt()).isEqualTo(ZonedDateTime.of(2026, 5, 21, 0, 0, 0, 0, PARIS));
        assertThat(deadline.source()).contains("L911-4", "R921-1-1");
    }

    /** Without a delay in the judgment: 3 months after its notification (R921-1-1 CJA). */
    @Test
    void withoutADelayEnforcementCanBeAskedThreeMonthsAfterTheJudgment() {
        Deadline deadline = DEADLINES.compute(JUDGMENT_ENFORCEMENT, LocalDate.of(2026, 3, 10), "69");
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(deadline.timerAt()).isEqualTo(ZonedDateTime.of(2026, 6, 10, 0, 0, 0, 0, PARIS));
        assertThat(deadline.rule().kind()).isEqualTo(DeadlineRule.Kind.EVENT);
    }

    /** A legal-aid request unanswered: chase the bureau a month later (practice). */
    @Test
    void aPendingLegalAidRequestIsChasedAMonthLater() {
        Deadline deadline = DEADLINES.compute(LEGAL_AID_FOLLOW_UP, LocalDate.of(2026, 3, 10), "69");
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(deadline.timerAt()).isEqualTo(ZonedDateTime.of(2026, 4, 10, 0, 0, 0, 0, PARIS));
        assertThat(deadline.source()).contains("2020-1717");
    }
}
