package fr.passerelle.deadlines;

import static fr.passerelle.deadlines.DeadlineRule.AGE_LIMITED_GROUND;
import static fr.passerelle.deadlines.DeadlineRule.CONTENTIOUS_APPEAL;
import static fr.passerelle.deadlines.DeadlineRule.IMPLICIT_REFUSAL;
import static fr.passerelle.deadlines.DeadlineRule.OQTF_RETENTION;
import static fr.passerelle.deadlines.DeadlineRule.PRINTED_DEADLINE;
import static fr.passerelle.deadlines.DeadlineRule.RECEIPT_RENEWAL;
import static fr.passerelle.deadlines.DeadlineRule.RENEWAL_ONLINE_CLOSES;
import static fr.passerelle.deadlines.DeadlineRule.RENEWAL_ONLINE_OPENS;
import static fr.passerelle.deadlines.DeadlineRule.RENEWAL_PREFECTURE_CLOSES;
import static fr.passerelle.deadlines.DeadlineRule.RENEWAL_PREFECTURE_OPENS;
import static fr.passerelle.deadlines.DeadlineRule.RENEWAL_WINDOW_CLOSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.deadlines.LegalDeadlines.PieceRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Issue 18, items 13 to 16: whose calendar counts, the renewal channels, the complete file, the printed deadline, the age limit. */
class PlacesAndDatesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LegalDeadlines DEADLINES = new LegalDeadlines(new LegalCalendar());
    private static final LocalDateTime NOTIFIED_2_FEBRUARY =
            LocalDate.of(2026, 2, 2).atStartOfDay();

    /** Item 13: the court's department, not the applicant's first one (art. 642 CPC; R312-1 CJA). */
    @Nested
    class TheCourtsCalendar {

        /**
         * Notified 2 February 2026: the 2 months end with Friday 3 April, Good Friday, a holiday in
         * Moselle only. A person first followed in Metz (57) who moved to Paris, refused by the prefect
         * of Paris: the court is Paris's, the deadline ends on 3 April, not on Tuesday 7 April.
         */
        @Test
        void theDecidingPrefecturesCourtCountsNotTheFirstDepartment() {
            Deadline paris = DEADLINES.compute(CONTENTIOUS_APPEAL, NOTIFIED_2_FEBRUARY, new Venue("57", "75", null));
            assertThat(paris.date()).isEqualTo(LocalDate.of(2026, 4, 3));
            assertThat(paris.explanation()).contains("R312-1 CJA");
            // the old single-department computation, on the first department, is four days late
            assertThat(DEADLINES
                            .compute(CONTENTIOUS_APPEAL, NOTIFIED_2_FEBRUARY, "57")
                            .date())
                    .isEqualTo(LocalDate.of(2026, 4, 7));
        }

        /** The court known: its calendar, whatever the applicant's department. */
        @Test
        void aKnownCourtDecides() {
            Deadline strasbourg =
                    DEADLINES.compute(CONTENTIOUS_APPEAL, NOTIFIED_2_FEBRUARY, new Venue("75", "75", "67"));
            assertThat(strasbourg.date()).isEqualTo(LocalDate.of(2026, 4, 7));
            assertThat(strasbourg.explanation()).contains("tribunal administratif (département 67");
        }

        /** Court and prefecture unknown, only the applicant's department: as before. */
        @Test
        void aloneTheCasesDepartmentCounts() {
            assertThat(DEADLINES
                            .compute(CONTENTIOUS_APPEAL, NOTIFIED_2_FEBRUARY, Venue.of("57"))
                            .date())
                    .isEqualTo(LocalDate.of(2026, 4, 7));
        }

        /**
         * What is filed at the prefecture counts its working days: a récépissé valid until Saturday
         * 18 April 2026, renewal 15 days before, Friday 3 April; at the prefecture of Moselle (Good
         * Friday) Thursday 2 April.
         */
        @Test
        void whatIsFiledAtThePrefectureCountsItsWorkingDays() {
            LocalDateTime validUntil = LocalDate.of(2026, 4, 18).atStartOfDay();
            assertThat(DEADLINES
                            .compute(RECEIPT_RENEWAL, validUntil, new Venue("75", "57", null))
                            .date())
                    .isEqualTo(LocalDate.of(2026, 4, 2));
            assertThat(DEADLINES
                            .compute(RECEIPT_RENEWAL, validUntil, new Venue("57", "75", null))
                            .date())
                    .isEqualTo(LocalDate.of(2026, 4, 3));
        }

        @Test
        void everyRuleSaysWhoseCalendarItCounts() {
            assertThat(CONTENTIOUS_APPEAL.calendar()).isEqualTo(DeadlineRule.Calendar.COURT);
            assertThat(DeadlineRule.CAA_APPEAL.calendar()).isEqualTo(DeadlineRule.Calendar.COURT_OF_APPEAL);
            assertThat(RECEIPT_RENEWAL.calendar()).isEqualTo(DeadlineRule.Calendar.PREFECTURE);
            assertThat(OQTF_RETENTION.calendar()).isEqualTo(DeadlineRule.Calendar.NONE);
            assertThat(new Venue(null, "75", null).departmentsFor(CONTENTIOUS_APPEAL))
                    .containsExactly("75");
            assertThat(new Venue("57", "75", null).departmentsFor(CONTENTIOUS_APPEAL))
                    .containsExactly("75", "57");
            assertThatThrownBy(() -> new Venue(null, " ", null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Item 14: the renewal window follows the channel (R431-5 CESEDA). Card valid until Tuesday 30 June 2026. */
    @Nested
    class RenewalByChannel {
        private final LocalDate cardEnd = LocalDate.of(2026, 6, 30);

        @Test
        void onTheOnlineServiceFromThe120thToThe60thDay() {
            assertThat(DEADLINES.compute(RENEWAL_ONLINE_OPENS, cardEnd, "75").date())
                    .isEqualTo(LocalDate.of(2026, 3, 2));
            // the 60th day before is Friday 1 May, a holiday: Thursday 30 April
            Deadline closes = DEADLINES.compute(RENEWAL_ONLINE_CLOSES, cardEnd, "75");
            assertThat(closes.date()).isEqualTo(LocalDate.of(2026, 4, 30));
            assertThat(closes.explanation()).contains("téléservice", "jour ouvré précédent");
        }

        /**
         * At the prefecture: in the two months before expiry, from 30 April to the day before the last
         * day of validity, Monday 29 June. The single window of today closed on 30 April: a renewal
         * filed at the prefecture on 15 June was shown as late.
         */
        @Test
        void atThePrefectureTheTwoMonthsBeforeExpiry() {
            assertThat(DEADLINES
                            .compute(RENEWAL_PREFECTURE_OPENS, cardEnd, "75")
                            .date())
                    .isEqualTo(LocalDate.of(2026, 4, 30));
            Deadline closes = DEADLINES.compute(RENEWAL_PREFECTURE_CLOSES, cardEnd, "75");
            assertThat(closes.date()).isEqualTo(LocalDate.of(2026, 6, 29));
            assertThat(closes.source()).contains("R431-5");
            assertThat(closes.isLate(LocalDate.of(2026, 6, 15))).isFalse();
            assertThat(DEADLINES.compute(RENEWAL_WINDOW_CLOSES, cardEnd, "75").isLate(LocalDate.of(2026, 6, 15)))
                    .isTrue();
        }

        @Test
        void aPrefectureWindowClosingOnASundayMovesBack() {
            // valid until Monday 31 August 2026: the day before is Sunday 30, back to Friday 28 August
            assertThat(DEADLINES
                            .compute(RENEWAL_PREFECTURE_CLOSES, LocalDate.of(2026, 8, 31), "75")
                            .date())
                    .isEqualTo(LocalDate.of(2026, 8, 28));
            // the channel unknown: the narrower window of both readings, as before
            assertThat(DEADLINES.compute(RENEWAL_WINDOW_CLOSES, cardEnd, "75").date())
                    .isEqualTo(LocalDate.of(2026, 4, 30));
        }
    }

    /** Item 15: the complete file (L114-5 CRPA; CE avis 10 Oct 2024 n° 494718) and the printed deadline (R421-5 CJA). */
    @Nested
    class CompleteFileAndPrintedDeadline {
        private final LocalDate filed = LocalDate.of(2026, 1, 10);

        @Test
        void withoutAnyRequestFourMonthsFromTheFiling() {
            assertThat(DEADLINES.implicitRefusal(filed, List.of(), "75").date()).isEqualTo(LocalDate.of(2026, 5, 10));
        }

        /** Pieces asked 1 February, received 15 March: the 4 months run from 15 March, born 15 July. */
        @Test
        void piecesAskedLaterMakeTheFourMonthsRunFromTheirReceipt() {
            Deadline born = DEADLINES.implicitRefusal(
                    filed, List.of(new PieceRequest(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 15))), "75");
            assertThat(born.rule()).isEqualTo(IMPLICIT_REFUSAL);
            assertThat(born.date()).isEqualTo(LocalDate.of(2026, 7, 15));
            assertThat(born.timerAt()).isEqualTo(ZonedDateTime.of(2026, 7, 15, 0, 0, 0, 0, PARIS));
            assertThat(born.source()).contains("L114-5 CRPA");
            assertThat(born.explanation()).contains("494718", "10 mai 2026");
        }

        @Test
        void aSecondRequestBeforeTheBirthMovesItAgainOneAfterItChangesNothing() {
            Deadline born = DEADLINES.implicitRefusal(
                    filed,
                    List.of(
                            new PieceRequest(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20)),
                            new PieceRequest(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 30)),
                            // after the birth of 30 September: nothing restarts
                            new PieceRequest(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 5))),
                    "75");
            assertThat(born.date()).isEqualTo(LocalDate.of(2026, 9, 30));
        }

        @Test
        void awaitedPiecesStopTheCount() {
            assertThatThrownBy(() -> DEADLINES.implicitRefusal(
                            filed, List.of(new PieceRequest(LocalDate.of(2026, 2, 1), null)), "75"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("L114-5");
        }

        /** Notified 3 January: the law gives 4 March; the decision printed 3 March: act by 3 March. */
        @Test
        void aShorterPrintedDeadlineIsTheOneToActBy() {
            Deadline computed = DEADLINES.compute(CONTENTIOUS_APPEAL, LocalDate.of(2026, 1, 3), "75");
            Deadline kept = DEADLINES.earlierOfPrinted(computed, LocalDate.of(2026, 3, 3), "75");
            assertThat(kept.rule()).isEqualTo(CONTENTIOUS_APPEAL);
            assertThat(kept.date()).isEqualTo(LocalDate.of(2026, 3, 3));
            assertThat(kept.endsAt()).isEqualTo(ZonedDateTime.of(2026, 3, 4, 0, 0, 0, 0, PARIS));
            assertThat(kept.timerAt()).isEqualTo(kept.endsAt());
            assertThat(kept.source()).contains("R421-5 CJA");
            // a later printed date, or none, changes nothing
            assertThat(DEADLINES.earlierOfPrinted(computed, LocalDate.of(2026, 3, 10), "75"))
                    .isEqualTo(computed);
            assertThat(DEADLINES.earlierOfPrinted(computed, null, "75")).isEqualTo(computed);
            assertThat(DEADLINES
                            .compute(PRINTED_DEADLINE, LocalDate.of(2026, 3, 3), "75")
                            .date())
                    .isEqualTo(LocalDate.of(2026, 3, 3));
        }

        /** 48 hours ending 4 March 08:30: a printed "4 March" ends later; a printed "3 March" earlier. */
        @Test
        void theComparisonIsOnTheInstant() {
            Deadline computed = DEADLINES.compute(OQTF_RETENTION, LocalDateTime.of(2026, 3, 2, 8, 30), "75");
            assertThat(DEADLINES.earlierOfPrinted(computed, LocalDate.of(2026, 3, 4), "75"))
                    .isEqualTo(computed);
            assertThat(DEADLINES
                            .earlierOfPrinted(computed, LocalDate.of(2026, 3, 3), "75")
                            .endsAt())
                    .isEqualTo(ZonedDateTime.of(2026, 3, 4, 0, 0, 0, 0, PARIS));
        }
    }

    /** Item 16: L423-21 and L423-22, in the year after the 18th birthday. */
    @Nested
    class AgeLimitedGrounds {

        /** Born 14 June 2007: 18 on 14 June 2025, the day before the 19th birthday is Saturday 13 June 2026: Friday 12. */
        @Test
        void theDayBeforeTheNineteenthBirthdayMovedBackToAWorkingDay() {
            Deadline deadline = DEADLINES.compute(AGE_LIMITED_GROUND, LocalDate.of(2007, 6, 14), "69");
            assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 6, 12));
            assertThat(deadline.source()).contains("L423-21", "L423-22");
            assertThat(deadline.explanation()).contains("14 juin 2025", "rendez-vous");
            assertThat(DEADLINES
                            .compute(AGE_LIMITED_GROUND, LocalDate.of(2007, 3, 10), "69")
                            .date())
                    .isEqualTo(LocalDate.of(2026, 3, 9));
        }

        @Test
        void theGroundsSayWhichRuleTheyHave() {
            assertThat(DeadlineRule.forGround("L423-21")).contains(AGE_LIMITED_GROUND);
            assertThat(DeadlineRule.forGround("L423-22")).contains(AGE_LIMITED_GROUND);
            assertThat(DeadlineRule.forGround("L435-1")).isEmpty();
            assertThat(DeadlineRule.forGround(null)).isEmpty();
        }
    }
}
