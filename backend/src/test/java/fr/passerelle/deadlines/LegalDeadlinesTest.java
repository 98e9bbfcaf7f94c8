package fr.passerelle.deadlines;

import static fr.passerelle.deadlines.DeadlineRule.ADMINISTRATIVE_APPEAL;
import static fr.passerelle.deadlines.DeadlineRule.ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION;
import static fr.passerelle.deadlines.DeadlineRule.COMMISSION_CONVOCATION;
import static fr.passerelle.deadlines.DeadlineRule.CONTENTIOUS_APPEAL;
import static fr.passerelle.deadlines.DeadlineRule.FOLLOW_UP_WEEKLY;
import static fr.passerelle.deadlines.DeadlineRule.IMPLICIT_REFUSAL;
import static fr.passerelle.deadlines.DeadlineRule.OQTF_HOUSE_ARREST;
import static fr.passerelle.deadlines.DeadlineRule.OQTF_ORDINARY;
import static fr.passerelle.deadlines.DeadlineRule.OQTF_RETENTION;
import static fr.passerelle.deadlines.DeadlineRule.RECEIPT_RENEWAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LegalDeadlinesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LegalDeadlines DEADLINES = new LegalDeadlines(new LegalCalendar());

    private static LocalDate last(DeadlineRule rule, String from, String department) {
        return DEADLINES.compute(rule, LocalDate.parse(from), department).date();
    }

    // ------------------------------------------------------------------ the reference example

    /**
     * docs/deadlines.md: notified Saturday 3 January 2026; 2 months date to date: nominal Tuesday
     * 3 March; franc: ends at the end of Wednesday 4 March; a working day, no extension.
     */
    @Test
    void contentiousAppealReferenceExample() {
        Deadline deadline = DEADLINES.compute(CONTENTIOUS_APPEAL, LocalDate.of(2026, 1, 3), "75");
        assertThat(deadline.rule()).isEqualTo(CONTENTIOUS_APPEAL);
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(deadline.dateTime()).isNull();
        // Missed after the end of 4 March: midnight, 5 March 00:00 in Paris (winter time, +01:00).
        assertThat(deadline.endsAt()).isEqualTo(ZonedDateTime.of(2026, 3, 5, 0, 0, 0, 0, PARIS));
        assertThat(deadline.endsAt().toInstant().toString()).isEqualTo("2026-03-04T23:00:00Z");
        assertThat(deadline.timerAt()).isEqualTo(deadline.endsAt());
        assertThat(deadline.source()).contains("R421-1 CJA", "409579", "368892", "642 CPC");
        assertThat(deadline.explanation())
                .contains("Délai franc de 2 mois", "samedi 3 janvier 2026", "3 mars 2026", "mercredi 4 mars 2026");
    }

    /** The administrative appeal must be sent by the same last day (L411-2 CRPA). */
    @ParameterizedTest(name = "from {0} in {1}")
    @CsvSource({"2026-01-03, 75", "2026-02-03, 75", "2026-02-02, 57", "2026-03-21, 972", "2025-12-31, 75"})
    void administrativeAppealEndsWithTheContentiousDeadline(LocalDate from, String department) {
        Deadline contentious = DEADLINES.compute(CONTENTIOUS_APPEAL, from, department);
        Deadline administrative = DEADLINES.compute(ADMINISTRATIVE_APPEAL, from, department);
        assertThat(administrative.date()).isEqualTo(contentious.date());
        assertThat(administrative.endsAt()).isEqualTo(contentious.endsAt());
        assertThat(administrative.source()).contains("L411-2 CRPA");
    }

    @Test
    void dateTimeOverloadUsesTheDateForDateRules() {
        Deadline late = DEADLINES.compute(CONTENTIOUS_APPEAL, LocalDateTime.of(2026, 1, 3, 23, 59), "75");
        Deadline early = DEADLINES.compute(CONTENTIOUS_APPEAL, LocalDateTime.of(2026, 1, 3, 0, 1), "75");
        assertThat(late).isEqualTo(early);
        assertThat(late.date()).isEqualTo(LocalDate.of(2026, 3, 4));
    }

    // ------------------------------------------------------------------ month ends

    @ParameterizedTest(name = "{0} from {1} in {2} -> {3}")
    @CsvSource({
        // 31 Jan 2026 + 1 month: no 31 Feb, nominal Sat 28 Feb (art. 641 CPC); franc Sun 1 March; extended Mon 2 March.
        "OQTF_ORDINARY, 2026-01-31, 75, 2026-03-02",
        // 31 Jan 2028 (leap) + 1 month: nominal Tue 29 Feb; franc Wed 1 March 2028.
        "OQTF_ORDINARY, 2028-01-31, 75, 2028-03-01",
        // 31 Dec 2025 + 2 months: nominal Sat 28 Feb 2026; franc Sun 1 March; extended Mon 2 March.
        "CONTENTIOUS_APPEAL, 2025-12-31, 75, 2026-03-02",
        // 31 Dec 2026 + 2 months: nominal Sun 28 Feb 2027; franc Mon 1 March 2027: a working day.
        "CONTENTIOUS_APPEAL, 2026-12-31, 75, 2027-03-01",
        // 31 Dec 2027 + 2 months, 2028 leap: nominal Tue 29 Feb 2028; franc Wed 1 March 2028.
        "CONTENTIOUS_APPEAL, 2027-12-31, 75, 2028-03-01",
        // 31 Dec 2023 + 2 months, 2024 leap: nominal Thu 29 Feb 2024; franc Fri 1 March 2024.
        "CONTENTIOUS_APPEAL, 2023-12-31, 75, 2024-03-01",
        // 30 Nov 2025 + 4 months: Mon 30 March 2026, the day the implicit refusal is born.
        "IMPLICIT_REFUSAL, 2025-11-30, 75, 2026-03-30",
        // 31 Oct 2025 + 4 months: no 31 Feb: Sat 28 Feb 2026; an event, not moved off a Saturday.
        "IMPLICIT_REFUSAL, 2025-10-31, 75, 2026-02-28",
        // 31 Oct 2027 + 4 months, 2028 leap: Tue 29 Feb 2028.
        "IMPLICIT_REFUSAL, 2027-10-31, 75, 2028-02-29",
        // 31 Dec 2025 + 2 months of silence: Sat 28 Feb 2026.
        "ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION, 2025-12-31, 75, 2026-02-28",
    })
    void monthEndsClampToTheLastDayOfTheMonth(
            DeadlineRule rule, LocalDate from, String department, LocalDate expected) {
        assertThat(DEADLINES.compute(rule, from, department).date()).isEqualTo(expected);
    }

    /**
     * The two readings of a franc deadline at month ends. Notified 30 Dec 2028, 2 months:
     * reading A (art. 641 then franc) = 28 Feb 2029 (no 30 Feb) + 1 = Thu 1 March; reading B
     * (quantième of the day after) = 31 Dec + 2 months = 28 Feb 2029 (no 31 Feb), a Wednesday.
     * The earlier, B, is kept. Notified 30 April 2027, 1 month: A = 30 May + 1 = Mon 31 May;
     * B = 1 May + 1 month = Tue 1 June. The earlier, A, is kept.
     */
    @Test
    void monthEndReadingsTakeTheEarlier() {
        Deadline b = DEADLINES.compute(CONTENTIOUS_APPEAL, LocalDate.of(2028, 12, 30), "75");
        assertThat(b.date()).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(b.explanation()).contains("lecture la plus prudente", "mercredi 28 février 2029");
        assertThat(last(OQTF_ORDINARY, "2027-04-30", "75")).isEqualTo(LocalDate.of(2027, 5, 31));
        // Ordinary days are not affected: 15 Jan 2026 + 2 months = 15 March (Sun) + 1 = Mon 16 March.
        assertThat(last(CONTENTIOUS_APPEAL, "2026-01-15", "75")).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    // ------------------------------------------------------------------ national holidays of 2026

    /**
     * A deadline whose franc last day falls on each holiday of 2026 moves to the next working day.
     * "from" is chosen so that the last day is the holiday (2 months: from = holiday - 1 day - 2
     * months; for 1 May a 1-month OQTF from 31 March: 30 April (clamped) + 1 = 1 May).
     */
    @ParameterizedTest(name = "{1} from {2}: last day {0} (holiday) -> {3}")
    @CsvSource({
        "2026-01-01, CONTENTIOUS_APPEAL, 2025-10-31, 2026-01-02", // Thu 1 Jan -> Fri 2 Jan
        "2026-04-06, CONTENTIOUS_APPEAL, 2026-02-05, 2026-04-07", // Easter Monday -> Tue 7 Apr
        "2026-05-01, OQTF_ORDINARY,      2026-03-31, 2026-05-04", // Fri 1 May, Sat, Sun -> Mon 4 May
        "2026-05-08, CONTENTIOUS_APPEAL, 2026-03-07, 2026-05-11", // Fri 8 May, Sat, Sun -> Mon 11 May
        "2026-05-14, CONTENTIOUS_APPEAL, 2026-03-13, 2026-05-15", // Ascension Thu -> Fri 15 May
        "2026-05-25, CONTENTIOUS_APPEAL, 2026-03-24, 2026-05-26", // Whit Monday -> Tue 26 May
        "2026-07-14, CONTENTIOUS_APPEAL, 2026-05-13, 2026-07-15", // Tue 14 Jul -> Wed 15 Jul
        "2026-08-15, CONTENTIOUS_APPEAL, 2026-06-14, 2026-08-17", // Sat 15 Aug, Sun -> Mon 17 Aug
        "2026-11-01, CONTENTIOUS_APPEAL, 2026-08-31, 2026-11-02", // Sun 1 Nov -> Mon 2 Nov
        "2026-11-11, CONTENTIOUS_APPEAL, 2026-09-10, 2026-11-12", // Wed 11 Nov -> Thu 12 Nov
        "2026-12-25, CONTENTIOUS_APPEAL, 2026-10-24, 2026-12-28", // Fri 25 Dec, Sat, Sun -> Mon 28 Dec
    })
    void deadlineEndingOnANationalHolidayMoves(
            LocalDate holiday, DeadlineRule rule, LocalDate from, LocalDate expected) {
        for (String department : new String[] {"75", "13", "2A", "57", "971", "974"}) {
            Deadline deadline = DEADLINES.compute(rule, from, department);
            assertThat(deadline.date()).as(department).isEqualTo(expected);
            assertThat(deadline.explanation())
                    .as(department)
                    .containsIgnoringCase("le " + FrenchText.date(holiday))
                    .contains("art. 642 CPC");
        }
    }

    @Test
    void explanationNamesTheHolidaysThatWereSkipped() {
        // Sat 4 April 2026 (from 3 Feb: 3 Apr + 1), Sun 5, Easter Monday 6 -> Tue 7 April.
        Deadline deadline = DEADLINES.compute(CONTENTIOUS_APPEAL, LocalDate.of(2026, 2, 3), "75");
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(deadline.explanation())
                .contains(
                        "Le samedi 4 avril 2026, le dimanche 5 avril 2026 et le lundi 6 avril 2026 (lundi de Pâques)"
                                + " ne sont pas des jours ouvrés dans le département 75 : le délai est prorogé au mardi 7 avril 2026");
    }

    // ------------------------------------------------------------------ weekends and chains

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @CsvSource({
        // 2 Mar + 1 month = 2 Apr + 1 = Fri 3 Apr 2026: working day in Paris, no move.
        "OQTF_ORDINARY, 2026-03-02, 2026-04-03",
        // 4 Feb + 2 months = 4 Apr + 1 = Sun 5 Apr, then Easter Monday 6 -> Tue 7 Apr.
        "CONTENTIOUS_APPEAL, 2026-02-04, 2026-04-07",
        // Saturday followed by a holiday Monday: 22 Mar + 2 months = 22 May + 1 = Sat 23 May,
        // Sun 24, Whit Monday 25 -> Tue 26 May.
        "CONTENTIOUS_APPEAL, 2026-03-22, 2026-05-26",
        // 6 Jan + 2 months = 6 Mar + 1 = Sat 7 Mar, Sun 8 -> Mon 9 Mar.
        "CONTENTIOUS_APPEAL, 2026-01-06, 2026-03-09",
        // 5 Jan + 2 months = 5 Mar + 1 = Fri 6 Mar: no move.
        "CONTENTIOUS_APPEAL, 2026-01-05, 2026-03-06",
    })
    void weekendsAndChainsOfNonWorkingDays(DeadlineRule rule, LocalDate from, LocalDate expected) {
        assertThat(DEADLINES.compute(rule, from, "75").date()).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ Alsace-Moselle

    /**
     * From 2 Feb 2026: 2 Apr + 1 = Fri 3 April 2026, Good Friday. In 75 a working day: stays.
     * In Alsace-Moselle: Good Friday, Sat 4, Sun 5, Easter Monday 6 -> Tue 7 April.
     * From 25 Oct 2025: 25 Dec + 1 = Fri 26 Dec 2025. In 75: stays. In Alsace-Moselle: Saint-
     * Stephen's day, Sat 27, Sun 28 -> Mon 29 Dec 2025.
     */
    @ParameterizedTest(name = "{0}: from {1} -> {2}")
    @CsvSource({
        "75, 2026-02-02, 2026-04-03",
        "57, 2026-02-02, 2026-04-07",
        "67, 2026-02-02, 2026-04-07",
        "68, 2026-02-02, 2026-04-07",
        "54, 2026-02-02, 2026-04-03",
        "88, 2026-02-02, 2026-04-03",
        "75, 2025-10-25, 2025-12-26",
        "57, 2025-10-25, 2025-12-29",
        "67, 2025-10-25, 2025-12-29",
        "68, 2025-10-25, 2025-12-29",
    })
    void alsaceMoselleGoodFridayAndSaintStephen(String department, LocalDate from, LocalDate expected) {
        assertThat(DEADLINES.compute(CONTENTIOUS_APPEAL, from, department).date())
                .isEqualTo(expected);
    }

    // ------------------------------------------------------------------ overseas departments

    /**
     * Deadlines ending on each abolition day move in that department only.
     * 976: 26 Feb + 2 months = 26 Apr + 1 = Mon 27 Apr 2026 -> Tue 28 Apr.
     * 972: 21 Mar -> Fri 22 May 2026; Sat, Sun, Whit Monday 25 -> Tue 26 May.
     * 971: 26 Mar -> Wed 27 May 2026 -> Thu 28 May.
     * 973: 9 Apr -> Wed 10 June 2026 -> Thu 11 June.
     * 974: 19 Oct 2027 -> Mon 20 Dec 2027 (20 Dec 2026 is a Sunday) -> Tue 21 Dec.
     */
    @ParameterizedTest(name = "{0}: from {1} -> {2} there, {3} in 75 and the other overseas departments")
    @CsvSource({
        "976, 2026-02-26, 2026-04-28, 2026-04-27",
        "972, 2026-03-21, 2026-05-26, 2026-05-22",
        "971, 2026-03-26, 2026-05-28, 2026-05-27",
        "973, 2026-04-09, 2026-06-11, 2026-06-10",
        "974, 2027-10-19, 2027-12-21, 2027-12-20",
    })
    void overseasAbolitionDays(String department, LocalDate from, LocalDate there, LocalDate elsewhere) {
        assertThat(DEADLINES.compute(CONTENTIOUS_APPEAL, from, department).date())
                .isEqualTo(there);
        assertThat(DEADLINES.compute(CONTENTIOUS_APPEAL, from, department).explanation())
                .contains("abolition de l'esclavage");
        for (String other : new String[] {"75", "971", "972", "973", "974", "976"}) {
            if (!other.equals(department)) {
                assertThat(DEADLINES.compute(CONTENTIOUS_APPEAL, from, other).date())
                        .as(other)
                        .isEqualTo(elsewhere);
            }
        }
    }

    /**
     * Instants overseas: the earlier of local midnight and Paris midnight. From 3 Jan 2026, last
     * day 4 March. La Réunion (UTC+4): local midnight = 4 Mar 20:00 UTC, before Paris midnight
     * (23:00 UTC). Guadeloupe (UTC-4): Paris midnight 23:00 UTC = 19:00 local, before local midnight.
     */
    @Test
    void overseasInstantsTakeTheEarlierMidnight() {
        Deadline reunion = DEADLINES.compute(CONTENTIOUS_APPEAL, LocalDate.of(2026, 1, 3), "974");
        assertThat(reunion.endsAt().toInstant().toString()).isEqualTo("2026-03-04T20:00:00Z");
        assertThat(reunion.endsAt().getZone()).isEqualTo(ZoneId.of("Indian/Reunion"));
        Deadline guadeloupe = DEADLINES.compute(CONTENTIOUS_APPEAL, LocalDate.of(2026, 1, 3), "971");
        assertThat(guadeloupe.endsAt().toInstant().toString()).isEqualTo("2026-03-04T23:00:00Z");
        assertThat(guadeloupe.endsAt().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 4, 19, 0));
        Deadline mayotte = DEADLINES.compute(CONTENTIOUS_APPEAL, LocalDate.of(2026, 1, 3), "976");
        assertThat(mayotte.endsAt().toInstant().toString()).isEqualTo("2026-03-04T21:00:00Z");
    }

    // ------------------------------------------------------------------ OQTF

    @Nested
    class Oqtf {

        /** 7 days not franc: notified Sat 28 Feb 2026 -> Sat 7 March 2026, not moved to Monday 9. */
        @Test
        void houseArrestIsNotExtendedOverAWeekend() {
            Deadline deadline = DEADLINES.compute(OQTF_HOUSE_ARREST, LocalDate.of(2026, 2, 28), "75");
            assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 3, 7));
            assertThat(deadline.endsAt()).isEqualTo(ZonedDateTime.of(2026, 3, 8, 0, 0, 0, 0, PARIS));
            assertThat(deadline.explanation()).contains("non franc et jamais prorogé", "samedi 7 mars 2026");
            assertThat(deadline.source()).contains("L921-1", "24LY03013");
        }

        /** Notified Mon 30 March 2026 -> Mon 6 April, Easter Monday: not moved. Not franc: not 7 April. */
        @Test
        void houseArrestIsNotExtendedOverAHoliday() {
            assertThat(last(OQTF_HOUSE_ARREST, "2026-03-30", "75")).isEqualTo(LocalDate.of(2026, 4, 6));
            assertThat(last(OQTF_HOUSE_ARREST, "2026-03-27", "57")).isEqualTo(LocalDate.of(2026, 4, 3)); // Good Friday
        }

        /** Ordinary: 1 month franc: notified Mon 2 March 2026 -> 2 Apr + 1 = Fri 3 Apr (75). */
        @Test
        void ordinaryIsOneMonthFrancAndExtended() {
            assertThat(last(OQTF_ORDINARY, "2026-03-02", "75")).isEqualTo(LocalDate.of(2026, 4, 3));
            // In 57 Fri 3 April is Good Friday: Sat, Sun, Easter Monday -> Tue 7 April.
            assertThat(last(OQTF_ORDINARY, "2026-03-02", "57")).isEqualTo(LocalDate.of(2026, 4, 7));
        }

        /**
         * Before 15 July 2024 (old rules): ordinary 30 days franc and extended; house arrest 15 days
         * not franc, not extended. From 15 July 2024 the new rules.
         */
        @ParameterizedTest(name = "{0} notified {1} -> {2}")
        @CsvSource({
            // Sun 14 Jul 2024, old: 14 Jul + 30 = 13 Aug, franc Wed 14 Aug. (New would give 14 Aug + 1 = 15 Aug, a
            // holiday -> 16 Aug.)
            "OQTF_ORDINARY, 2024-07-14, 2024-08-14",
            // Fri 12 Jul 2024, old: + 30 = 11 Aug, franc Mon 12 Aug.
            "OQTF_ORDINARY, 2024-07-12, 2024-08-12",
            // Mon 15 Jul 2024, new: 15 Aug + 1 = Fri 16 Aug.
            "OQTF_ORDINARY, 2024-07-15, 2024-08-16",
            // Tue 16 Jul 2024, new: 16 Aug + 1 = Sat 17 Aug, Sun 18 -> Mon 19 Aug. (Old: Fri 16 Aug.)
            "OQTF_ORDINARY, 2024-07-16, 2024-08-19",
            // House arrest, Sun 14 Jul 2024, old 15 days: Mon 29 Jul.
            "OQTF_HOUSE_ARREST, 2024-07-14, 2024-07-29",
            // House arrest, Mon 15 Jul 2024, new 7 days: Mon 22 Jul.
            "OQTF_HOUSE_ARREST, 2024-07-15, 2024-07-22",
        })
        void rulesBeforeAndAfter15July2024(DeadlineRule rule, LocalDate notified, LocalDate expected) {
            Deadline deadline = DEADLINES.compute(rule, notified, "75");
            assertThat(deadline.date()).isEqualTo(expected);
            if (notified.isBefore(LocalDate.of(2024, 7, 15))) {
                assertThat(deadline.source()).contains("Régime antérieur au 15 juil. 2024", "ancien R776-2 CJA");
                assertThat(deadline.explanation()).contains("régime antérieur");
            } else {
                assertThat(deadline.source()).doesNotContain("Régime antérieur");
            }
        }
    }

    // ------------------------------------------------------------------ events and reminders

    /** Filed Sat 10 Jan 2026 + 4 months = Sun 10 May 2026: born that day, not moved; timer at its start. */
    @Test
    void implicitRefusalIsBornFourMonthsAfterFilingAtTheStartOfTheDay() {
        Deadline deadline = DEADLINES.compute(IMPLICIT_REFUSAL, LocalDate.of(2026, 1, 10), "75");
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 5, 10));
        assertThat(deadline.timerAt()).isEqualTo(ZonedDateTime.of(2026, 5, 10, 0, 0, 0, 0, PARIS));
        assertThat(deadline.endsAt()).isEqualTo(deadline.timerAt());
        assertThat(deadline.source()).contains("R432-1", "R432-2");
        assertThat(deadline.explanation()).contains("naît le dimanche 10 mai 2026");
        assertThat(deadline.rule().kind()).isEqualTo(DeadlineRule.Kind.EVENT);
    }

    /** Appeal received Mon 23 Feb 2026 + 2 months = Thu 23 April 2026 (L231-4 2° CRPA). */
    @Test
    void administrativeAppealIsImplicitlyRejectedTwoMonthsAfterReceipt() {
        Deadline deadline =
                DEADLINES.compute(ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION, LocalDate.of(2026, 2, 23), "75");
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 4, 23));
        assertThat(deadline.timerAt()).isEqualTo(ZonedDateTime.of(2026, 4, 23, 0, 0, 0, 0, PARIS));
        assertThat(deadline.source()).contains("L231-4");
    }

    /**
     * Récépissé valid until Tue 30 June 2026: ask by Mon 15 June. Valid until Sun 22 March: 15 days
     * before is Sat 7 March, moved back to Fri 6 March. Valid until Tue 21 April: 6 April is Easter
     * Monday, back over Sun 5 and Sat 4 to Fri 3 April; in 57 Good Friday too: Thu 2 April.
     */
    @ParameterizedTest(name = "valid until {0} in {1}: ask by {2}")
    @CsvSource({
        "2026-06-30, 75, 2026-06-15",
        "2026-03-22, 75, 2026-03-06",
        "2026-04-21, 75, 2026-04-03",
        "2026-04-21, 57, 2026-04-02"
    })
    void receiptRenewalFifteenDaysBeforeOnAWorkingDay(LocalDate validUntil, String department, LocalDate expected) {
        Deadline deadline = DEADLINES.compute(RECEIPT_RENEWAL, validUntil, department);
        assertThat(deadline.date()).isEqualTo(expected);
        assertThat(deadline.timerAt()).isEqualTo(expected.atStartOfDay(PARIS));
        assertThat(deadline.endsAt()).isEqualTo(expected.plusDays(1).atStartOfDay(PARIS));
        assertThat(deadline.source()).contains("R431-12").doesNotContain("seeds/");
    }

    /** A récépissé valid until Tue 30 June 2026 lapses when that day is over (R431-12). */
    @Test
    void receiptExpiresAtTheEndOfItsLastDay() {
        Deadline deadline = DEADLINES.compute(DeadlineRule.RECEIPT_EXPIRY, LocalDate.of(2026, 6, 30), "75");
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(deadline.timerAt()).isEqualTo(ZonedDateTime.of(2026, 7, 1, 0, 0, 0, 0, PARIS));
        assertThat(deadline.source()).contains("R431-12", "499904");
    }

    /**
     * R431-5: between the 120th and the 60th day before the card ends; the public page says 4 to
     * 2 months. The narrower window: the later opening, the earlier closing, moved back off a
     * non-working day (Sat 31 Oct 2026 -> Fri 30 Oct).
     */
    @ParameterizedTest(name = "card valid until {0}")
    @CsvSource({
        "2028-05-02, 2028-01-03, 2028-03-02",
        "2027-08-31, 2027-05-03, 2027-06-30",
        "2026-12-31, 2026-09-02, 2026-10-30"
    })
    void renewalWindowFourToTwoMonthsBeforeTheCardEnds(LocalDate cardEnd, LocalDate opens, LocalDate closes) {
        Deadline open = DEADLINES.compute(DeadlineRule.RENEWAL_WINDOW_OPENS, cardEnd, "75");
        assertThat(open.date()).isEqualTo(opens);
        assertThat(open.timerAt()).isEqualTo(opens.atStartOfDay(PARIS));
        Deadline close = DEADLINES.compute(DeadlineRule.RENEWAL_WINDOW_CLOSES, cardEnd, "75");
        assertThat(close.date()).isEqualTo(closes);
        assertThat(close.timerAt()).isEqualTo(closes.plusDays(1).atStartOfDay(PARIS));
        assertThat(open.source()).contains("R431-5");
        assertThat(close.explanation()).contains("R431-5", "au plus tard");
    }

    /** Sources shown to people name the law or a public page, never a file outside the repository. */
    @ParameterizedTest
    @EnumSource(DeadlineRule.class)
    void sourcesNameTheLawNotAFileOutsideTheRepository(DeadlineRule rule) {
        assertThat(rule.source()).doesNotContain("seeds/", "reference/", "DESIGN", ".txt");
        assertThat(rule.formerSource() == null ? "" : rule.formerSource())
                .doesNotContain("seeds/", "reference/", "DESIGN", ".txt");
    }

    /** Meeting Fri 20 March 2026: the convocation must arrive by Thu 5 March (L432-15). */
    @Test
    void commissionConvocationAtLeastFifteenDaysBefore() {
        Deadline deadline = DEADLINES.compute(COMMISSION_CONVOCATION, LocalDate.of(2026, 3, 20), "75");
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(deadline.timerAt()).isEqualTo(ZonedDateTime.of(2026, 3, 6, 0, 0, 0, 0, PARIS));
        assertThat(deadline.source()).contains("L432-15");
        assertThat(DEADLINES.isLate(COMMISSION_CONVOCATION, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 5), "75"))
                .isFalse();
        assertThat(DEADLINES.isLate(COMMISSION_CONVOCATION, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 6), "75"))
                .isTrue();
        assertThat(DEADLINES.isLate(COMMISSION_CONVOCATION, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 2, 1), "75"))
                .isFalse();
    }

    /** Last follow-up Mon 2 March 2026: next one Mon 9 March, timer at its start. */
    @Test
    void weeklyFollowUp() {
        Deadline deadline = DEADLINES.compute(FOLLOW_UP_WEEKLY, LocalDate.of(2026, 3, 2), "75");
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(deadline.timerAt()).isEqualTo(ZonedDateTime.of(2026, 3, 9, 0, 0, 0, 0, PARIS));
        assertThat(deadline.source()).contains("Pratique associative").doesNotContain("seeds/");
    }

    @Test
    void isLateComparesWithTheLastDay() {
        // From 3 Jan 2026 the contentious deadline ends with 4 March.
        assertThat(DEADLINES.isLate(CONTENTIOUS_APPEAL, LocalDate.of(2026, 1, 3), LocalDate.of(2026, 3, 4), "75"))
                .isFalse();
        assertThat(DEADLINES.isLate(CONTENTIOUS_APPEAL, LocalDate.of(2026, 1, 3), LocalDate.of(2026, 3, 5), "75"))
                .isTrue();
    }

    // ------------------------------------------------------------------ contract

    @ParameterizedTest
    @EnumSource(DeadlineRule.class)
    void everyRuleCarriesItsSourceAndKind(DeadlineRule rule) {
        assertThat(rule.source()).isNotBlank();
        assertThat(rule.kind()).isNotNull();
        Deadline deadline = rule.countsHours()
                ? DEADLINES.compute(rule, LocalDateTime.of(2026, 3, 10, 14, 25), "75")
                : DEADLINES.compute(rule, LocalDate.of(2026, 3, 10), "75");
        assertThat(deadline.source()).startsWith(rule.source());
        assertThat(deadline.explanation()).isNotBlank();
        assertThat(deadline.rule()).isEqualTo(rule);
        assertThat(deadline.dateTime() != null).isEqualTo(rule.countsHours());
        if (rule.kind() == DeadlineRule.Kind.DEADLINE) {
            assertThat(deadline.timerAt()).isEqualTo(deadline.endsAt());
        } else {
            assertThat(deadline.timerAt()).isEqualTo(deadline.date().atStartOfDay(PARIS));
        }
    }

    @Test
    void retentionNeedsATime() {
        assertThatThrownBy(() -> DEADLINES.compute(OQTF_RETENTION, LocalDate.of(2026, 3, 10), "75"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OQTF_RETENTION")
                .hasMessageContaining("time");
        assertThatThrownBy(() ->
                        DEADLINES.isLate(OQTF_RETENTION, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 12), "75"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownDepartmentsAreRejected() {
        assertThatThrownBy(() -> DEADLINES.compute(CONTENTIOUS_APPEAL, LocalDate.of(2026, 1, 3), "FR-57"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'FR-57'");
        assertThatThrownBy(() -> DEADLINES.compute(OQTF_RETENTION, LocalDateTime.of(2026, 1, 3, 10, 0), "975"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'975'");
        assertThatThrownBy(() -> DEADLINES.compute(FOLLOW_UP_WEEKLY, LocalDate.of(2026, 1, 3), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
