package fr.passerelle.deadlines;

import static fr.passerelle.deadlines.AdministrativeAppeal.gracious;
import static fr.passerelle.deadlines.AdministrativeAppeal.hierarchical;
import static fr.passerelle.deadlines.DeadlineRule.ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION;
import static fr.passerelle.deadlines.DeadlineRule.CONTENTIOUS_APPEAL;
import static fr.passerelle.deadlines.DeadlineRule.OQTF_HOUSE_ARREST;
import static fr.passerelle.deadlines.DeadlineRule.OQTF_ORDINARY;
import static fr.passerelle.deadlines.DeadlineRule.OQTF_RETENTION;
import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class InterruptionsTest {

    private static final LegalDeadlines DEADLINES = new LegalDeadlines(new LegalCalendar());

    /** Notified Sat 3 Jan 2026: the contentious deadline ends with Wed 4 March 2026. */
    private static final LocalDate NOTIFIED = of(2026, 1, 3);

    @Nested
    class LegalAid {

        /**
         * Requested in time; the bureau's decision notified Fri 10 April 2026; a new 2-month franc
         * deadline: 10 June + 1 = Thu 11 June 2026 (décret 2020-1717 art. 43).
         */
        @ParameterizedTest(name = "requested {0}")
        @CsvSource({"2026-01-03", "2026-02-20", "2026-03-04"})
        void requestInTimeRestartsTheDeadlineInFull(LocalDate requestedOn) {
            Deadline deadline =
                    DEADLINES.afterLegalAid(CONTENTIOUS_APPEAL, NOTIFIED, requestedOn, of(2026, 4, 10), "75");
            assertThat(deadline.date()).isEqualTo(of(2026, 6, 11));
            assertThat(deadline.rule()).isEqualTo(CONTENTIOUS_APPEAL);
            assertThat(deadline.source()).contains("R421-1 CJA", "2020-1717", "art. 43");
            assertThat(deadline.explanation()).contains("interrompu", "vendredi 10 avril 2026", "jeudi 11 juin 2026");
        }

        /** Requested Thu 5 March, the day after the deadline: nothing interrupted, 4 March stands. */
        @Test
        void requestAfterTheDeadlineInterruptsNothing() {
            Deadline deadline =
                    DEADLINES.afterLegalAid(CONTENTIOUS_APPEAL, NOTIFIED, of(2026, 3, 5), of(2026, 4, 10), "75");
            assertThat(deadline.date()).isEqualTo(of(2026, 3, 4));
            assertThat(deadline.explanation()).contains("après la fin du délai", "n'a rien interrompu");
        }

        /**
         * Notified 3 Feb 2026: last day Sat 4 April, extended over Easter to Tue 7 April. A request on
         * the extended day is in time; decision notified Mon 4 May: 4 July (Sat) + 1 = Sun 5 July ->
         * Mon 6 July 2026. A request on Wed 8 April is late.
         */
        @Test
        void theExtendedLastDayCounts() {
            assertThat(DEADLINES
                            .afterLegalAid(CONTENTIOUS_APPEAL, of(2026, 2, 3), of(2026, 4, 7), of(2026, 5, 4), "75")
                            .date())
                    .isEqualTo(of(2026, 7, 6));
            assertThat(DEADLINES
                            .afterLegalAid(CONTENTIOUS_APPEAL, of(2026, 2, 3), of(2026, 4, 8), of(2026, 5, 4), "75")
                            .date())
                    .isEqualTo(of(2026, 4, 7));
        }

        /**
         * OQTF, ordinary procedure, notified Mon 2 March 2026 (deadline Fri 3 April); legal aid asked
         * 20 March, decision notified Mon 4 May: a new month, 4 June + 1 = Fri 5 June 2026.
         */
        @Test
        void interruptsTheOrdinaryOqtfDeadline() {
            Deadline deadline =
                    DEADLINES.afterLegalAid(OQTF_ORDINARY, of(2026, 3, 2), of(2026, 3, 20), of(2026, 5, 4), "75");
            assertThat(deadline.date()).isEqualTo(of(2026, 6, 5));
            assertThat(deadline.source()).contains("L911-1", "2020-1717");
        }

        /**
         * OQTF notified Mon 1 July 2024, before the reform: 30 days, last day Thu 1 Aug 2024. Legal
         * aid asked 10 July, decision notified Mon 2 Dec 2024: a new 30-day franc deadline (the
         * former rule still governs): 2 Dec + 30 = 1 Jan 2025, + 1 = Thu 2 Jan 2025. (A month would
         * have given 3 Jan.)
         */
        @Test
        void keepsTheFormerOqtfRuleOfTheOriginalNotification() {
            assertThat(DEADLINES.compute(OQTF_ORDINARY, of(2024, 7, 1), "75").date())
                    .isEqualTo(of(2024, 8, 1));
            Deadline deadline =
                    DEADLINES.afterLegalAid(OQTF_ORDINARY, of(2024, 7, 1), of(2024, 7, 10), of(2024, 12, 2), "75");
            assertThat(deadline.date()).isEqualTo(of(2025, 1, 2));
            assertThat(deadline.source()).contains("Régime antérieur au 15 juil. 2024", "2020-1717");
        }

        @ParameterizedTest
        @EnumSource(
                value = DeadlineRule.class,
                names = {"OQTF_HOUSE_ARREST", "OQTF_RETENTION"})
        void doesNotInterruptTheSevenDayAndFortyEightHourOqtfDeadlines(DeadlineRule rule) {
            assertThatThrownBy(
                            () -> DEADLINES.afterLegalAid(rule, of(2026, 3, 2), of(2026, 3, 3), of(2026, 4, 1), "75"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Legal aid does not interrupt the " + rule);
        }

        @ParameterizedTest
        @EnumSource(
                value = DeadlineRule.class,
                names = {
                    "ADMINISTRATIVE_APPEAL",
                    "ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION",
                    "IMPLICIT_REFUSAL",
                    "RECEIPT_RENEWAL",
                    "COMMISSION_CONVOCATION",
                    "FOLLOW_UP_WEEKLY"
                })
        void onlyForCourtDeadlines(DeadlineRule rule) {
            assertThatThrownBy(
                            () -> DEADLINES.afterLegalAid(rule, of(2026, 3, 2), of(2026, 3, 3), of(2026, 4, 1), "75"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("court deadlines only");
        }

        @Test
        void datesOutOfOrderAreRejected() {
            assertThatThrownBy(() -> DEADLINES.afterLegalAid(
                            CONTENTIOUS_APPEAL, NOTIFIED, of(2026, 1, 2), of(2026, 4, 10), "75"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("before the decision was notified");
            assertThatThrownBy(() -> DEADLINES.afterLegalAid(
                            CONTENTIOUS_APPEAL, NOTIFIED, of(2026, 2, 20), of(2026, 2, 19), "75"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("before the request");
            assertThatThrownBy(() -> DEADLINES.afterLegalAid(
                            CONTENTIOUS_APPEAL, NOTIFIED, of(2026, 2, 20), of(2026, 4, 10), "20"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'20'");
        }
    }

    @Nested
    class AdministrativeAppeals {

        /** Gracious appeal sent 15 Feb, rejection notified Fri 10 April: 10 June + 1 = Thu 11 June 2026. */
        @Test
        void graciousAppealInTimeRestartsFromItsRejection() {
            Deadline deadline = DEADLINES.afterAdministrativeAppeals(
                    CONTENTIOUS_APPEAL, NOTIFIED, List.of(gracious(of(2026, 2, 15), of(2026, 4, 10))), "75");
            assertThat(deadline.date()).isEqualTo(of(2026, 6, 11));
            assertThat(deadline.source()).contains("L411-2 CRPA");
            assertThat(deadline.explanation())
                    .contains(
                            "Recours gracieux envoyé le dimanche 15 février 2026",
                            "rejeté le vendredi 10 avril 2026",
                            "L411-2 CRPA",
                            "jeudi 11 juin 2026");
        }

        /**
         * Gracious sent 15 Feb, rejected 10 April; hierarchical sent 20 Feb, received Mon 23 Feb,
         * never answered: implicitly rejected Thu 23 April (2 months). Later rejection 23 April:
         * 23 June + 1 = Wed 24 June 2026, whatever the order of the list.
         */
        @Test
        void bothAppealsRestartFromTheLaterRejection() {
            LocalDate hierarchicalRejected = DEADLINES
                    .compute(ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION, of(2026, 2, 23), "75")
                    .date();
            assertThat(hierarchicalRejected).isEqualTo(of(2026, 4, 23));
            AdministrativeAppeal g = gracious(of(2026, 2, 15), of(2026, 4, 10));
            AdministrativeAppeal h = hierarchical(of(2026, 2, 20), hierarchicalRejected);
            for (List<AdministrativeAppeal> appeals : List.of(List.of(g, h), List.of(h, g))) {
                Deadline deadline = DEADLINES.afterAdministrativeAppeals(CONTENTIOUS_APPEAL, NOTIFIED, appeals, "75");
                assertThat(deadline.date()).isEqualTo(of(2026, 6, 24));
                assertThat(deadline.explanation()).contains("plus tardif des rejets");
            }
            // The gracious appeal rejected last (hierarchical rejected 10 April, gracious 23 April): same result.
            Deadline swapped = DEADLINES.afterAdministrativeAppeals(
                    CONTENTIOUS_APPEAL,
                    NOTIFIED,
                    List.of(hierarchical(of(2026, 2, 15), of(2026, 4, 10)), gracious(of(2026, 2, 20), of(2026, 4, 23))),
                    "75");
            assertThat(swapped.date()).isEqualTo(of(2026, 6, 24));
        }

        /** Sent on the last day, Wed 4 March: in time; rejected 10 April -> 11 June. */
        @Test
        void appealSentOnTheLastDayIsInTime() {
            assertThat(DEADLINES
                            .afterAdministrativeAppeals(
                                    CONTENTIOUS_APPEAL,
                                    NOTIFIED,
                                    List.of(gracious(of(2026, 3, 4), of(2026, 4, 10))),
                                    "75")
                            .date())
                    .isEqualTo(of(2026, 6, 11));
        }

        /** Sent Thu 5 March, after the deadline: interrupts nothing, 4 March stands. */
        @Test
        void appealOutOfTimeInterruptsNothing() {
            Deadline deadline = DEADLINES.afterAdministrativeAppeals(
                    CONTENTIOUS_APPEAL, NOTIFIED, List.of(gracious(of(2026, 3, 5), of(2026, 3, 20))), "75");
            assertThat(deadline.date()).isEqualTo(of(2026, 3, 4));
            assertThat(deadline.explanation()).contains("sans effet interruptif");
        }

        /**
         * Hierarchical in time (sent 20 Feb, rejected 23 April) and a gracious one sent too late
         * (5 March, rejected 1 May): only the hierarchical one counts -> 24 June, not 2 July.
         */
        @Test
        void onlyAppealsSentInTimeCount() {
            Deadline deadline = DEADLINES.afterAdministrativeAppeals(
                    CONTENTIOUS_APPEAL,
                    NOTIFIED,
                    List.of(gracious(of(2026, 3, 5), of(2026, 5, 1)), hierarchical(of(2026, 2, 20), of(2026, 4, 23))),
                    "75");
            assertThat(deadline.date()).isEqualTo(of(2026, 6, 24));
            assertThat(deadline.explanation()).contains("sans effet interruptif");
        }

        /**
         * Two gracious appeals: only the first interrupts. First sent 10 Jan, rejected Tue 20 Jan:
         * 20 March + 1 = Sat 21 March, Sun 22 -> Mon 23 March 2026 (not from the second's rejection).
         */
        @Test
        void aSecondAppealOfTheSameKindDoesNotInterruptAgain() {
            Deadline deadline = DEADLINES.afterAdministrativeAppeals(
                    CONTENTIOUS_APPEAL,
                    NOTIFIED,
                    List.of(gracious(of(2026, 2, 1), of(2026, 4, 1)), gracious(of(2026, 1, 10), of(2026, 1, 20))),
                    "75");
            assertThat(deadline.date()).isEqualTo(of(2026, 3, 23));
        }

        @Test
        void pendingAppealMeansTheDeadlineIsNotRunning() {
            assertThatThrownBy(() -> DEADLINES.afterAdministrativeAppeals(
                            CONTENTIOUS_APPEAL,
                            NOTIFIED,
                            List.of(gracious(of(2026, 2, 15), of(2026, 4, 10)), hierarchical(of(2026, 2, 20), null)),
                            "75"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("L411-2")
                    .hasMessageContaining("HIERARCHICAL sent on 2026-02-20");
        }

        @Test
        void noAppealLeavesTheDeadlineAsItIs() {
            assertThat(DEADLINES.afterAdministrativeAppeals(CONTENTIOUS_APPEAL, NOTIFIED, List.of(), "75"))
                    .isEqualTo(DEADLINES.compute(CONTENTIOUS_APPEAL, NOTIFIED, "75"));
        }

        /**
         * OQTF notified Mon 2 March 2026: ordinary deadline Fri 3 April, house arrest Mon 9 March.
         * A gracious appeal (sent 3 March, rejected 20 April) changes neither.
         */
        @ParameterizedTest(name = "{0}")
        @CsvSource({"OQTF_ORDINARY, 2026-04-03", "OQTF_HOUSE_ARREST, 2026-03-09"})
        void doNotExtendAnOqtfDeadline(DeadlineRule rule, LocalDate expected) {
            Deadline deadline = DEADLINES.afterAdministrativeAppeals(
                    rule,
                    of(2026, 3, 2),
                    List.of(gracious(of(2026, 3, 3), of(2026, 4, 20)), hierarchical(of(2026, 3, 3), of(2026, 5, 4))),
                    "75");
            assertThat(deadline.date()).isEqualTo(expected);
            assertThat(deadline.explanation()).startsWith("Les recours administratifs ne prorogent pas");
        }

        @Test
        void retentionAndOtherRulesAreRefused() {
            assertThatThrownBy(
                            () -> DEADLINES.afterAdministrativeAppeals(OQTF_RETENTION, of(2026, 3, 2), List.of(), "75"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("nothing extends it");
            assertThatThrownBy(() -> DEADLINES.afterAdministrativeAppeals(
                            DeadlineRule.IMPLICIT_REFUSAL, of(2026, 3, 2), List.of(), "75"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void inconsistentAppealsAreRejected() {
            assertThatThrownBy(() -> gracious(of(2026, 2, 15), of(2026, 2, 14)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DEADLINES.afterAdministrativeAppeals(
                            CONTENTIOUS_APPEAL, NOTIFIED, List.of(gracious(of(2026, 1, 2), of(2026, 2, 1))), "75"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("notified later");
            assertThatThrownBy(
                            () -> DEADLINES.afterAdministrativeAppeals(OQTF_HOUSE_ARREST, NOTIFIED, List.of(), "FR-75"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'FR-75'");
        }
    }
}
