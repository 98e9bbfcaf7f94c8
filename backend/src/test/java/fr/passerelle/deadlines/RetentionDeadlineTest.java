package fr.passerelle.deadlines;

import static fr.passerelle.deadlines.DeadlineRule.OQTF_RETENTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OQTF in retention: 48 hours hour to hour (L921-2 CESEDA), never extended. */
class RetentionDeadlineTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LegalDeadlines DEADLINES = new LegalDeadlines(new LegalCalendar());

    private static Deadline retention(String notifiedAt, String department) {
        return DEADLINES.compute(OQTF_RETENTION, LocalDateTime.parse(notifiedAt), department);
    }

    @Test
    void fortyEightHoursHourToHour() {
        // Tue 10 March 2026 14:25 (no clock change) -> Thu 12 March 14:25.
        Deadline deadline = retention("2026-03-10T14:25", "75");
        assertThat(deadline.dateTime()).isEqualTo(LocalDateTime.of(2026, 3, 12, 14, 25));
        assertThat(deadline.date())
                .isEqualTo(LocalDateTime.of(2026, 3, 12, 14, 25).toLocalDate());
        assertThat(deadline.endsAt()).isEqualTo(ZonedDateTime.of(2026, 3, 12, 14, 25, 0, 0, PARIS));
        assertThat(deadline.timerAt()).isEqualTo(deadline.endsAt());
        assertThat(deadline.source()).contains("L921-2");
        assertThat(deadline.explanation())
                .contains("48 heures d'heure à heure", "jeudi 12 mars 2026 à 14 h 25", "jamais prorogé")
                .doesNotContain("changement d'heure");
    }

    /** Fri 3 April 2026 16:00 -> Sun 5 April 16:00: not moved over Easter Sunday and Monday. */
    @Test
    void neverExtendedOverAWeekendOrHoliday() {
        Deadline deadline = retention("2026-04-03T16:00", "57");
        assertThat(deadline.dateTime()).isEqualTo(LocalDateTime.of(2026, 4, 5, 16, 0));
    }

    /**
     * Across the clock changes of 2026 (forward Sun 29 March 02:00 -> 03:00; back Sun 25 October
     * 03:00 -> 02:00), the earlier of "48 elapsed hours" and "same wall-clock time two days later".
     */
    @ParameterizedTest(name = "notified {0} -> {1} ({2} elapsed)")
    @CsvSource({
        // Sat 28 Mar 10:00 CET (09:00Z). Wall: Mon 30 Mar 10:00 CEST = 08:00Z; elapsed: 09:00Z = 11:00 CEST.
        // Wall is earlier: 10:00, 47 hours.
        "2026-03-28T10:00, 2026-03-30T10:00, PT47H",
        // Fri 27 Mar 10:00 CET (09:00Z). Wall: Sun 29 Mar 10:00 CEST = 08:00Z; elapsed 09:00Z = 11:00 CEST -> 10:00.
        "2026-03-27T10:00, 2026-03-29T10:00, PT47H",
        // Fri 27 Mar 02:30 CET (01:30Z). Wall: 29 Mar 02:30 does not exist; the clock passes it at the
        // jump, 01:00Z = 03:00 CEST. Elapsed: 29 Mar 01:30Z = 03:30 CEST. -> 03:00, 47 h 30.
        "2026-03-27T02:30, 2026-03-29T03:00, PT47H30M",
        // Notified "29 Mar 02:30", a time that does not exist: earliest reading 02:30 at +02:00 = 00:30Z.
        // Elapsed: 31 Mar 00:30Z = 02:30 CEST; wall: 31 Mar 02:30 CEST = 00:30Z. -> 02:30, 48 h from 00:30Z.
        "2026-03-29T02:30, 2026-03-31T02:30, PT48H",
        // Sat 24 Oct 10:00 CEST (08:00Z). Elapsed: Mon 26 Oct 08:00Z = 09:00 CET; wall: 10:00 CET = 09:00Z.
        // Elapsed is earlier: 09:00, 48 hours (the wall clock would give 49).
        "2026-10-24T10:00, 2026-10-26T09:00, PT48H",
        // Fri 23 Oct 22:00 CEST (20:00Z). Elapsed: Sun 25 Oct 20:00Z = 21:00 CET; wall 22:00 CET = 21:00Z. -> 21:00.
        "2026-10-23T22:00, 2026-10-25T21:00, PT48H",
        // "25 Oct 02:30" happens twice; earliest reading 02:30 CEST = 00:30Z. Elapsed: 27 Oct 00:30Z =
        // 01:30 CET; wall: 27 Oct 02:30 CET = 01:30Z. -> 01:30, 48 h from 00:30Z.
        "2026-10-25T02:30, 2026-10-27T01:30, PT48H",
    })
    void acrossClockChangesTheEarlierReadingWins(LocalDateTime notifiedAt, LocalDateTime expected, Duration elapsed) {
        Deadline deadline = DEADLINES.compute(OQTF_RETENTION, notifiedAt, "75");
        assertThat(deadline.dateTime()).isEqualTo(expected);
        assertThat(deadline.endsAt().getZone()).isEqualTo(PARIS);
        assertThat(deadline.endsAt().toLocalDateTime()).isEqualTo(expected);
        assertThat(Duration.between(
                        LegalDeadlines.earliestInstant(notifiedAt, PARIS),
                        deadline.endsAt().toInstant()))
                .isEqualTo(elapsed);
    }

    @Test
    void explanationTellsWhichReadingWasKept() {
        assertThat(retention("2026-03-28T10:00", "75").explanation())
                .contains(
                        "changement d'heure",
                        "lundi 30 mars 2026 à 11 h 00",
                        "lundi 30 mars 2026 à 10 h 00",
                        "le plus tôt");
        assertThat(retention("2026-10-24T10:00", "75").explanation())
                .contains("changement d'heure", "lundi 26 octobre 2026 à 9 h 00", "lundi 26 octobre 2026 à 10 h 00");
    }

    /**
     * Overseas, the time is read as Paris time and as local time; the earlier end wins.
     * La Réunion (UTC+4), notified "10 Mar 2026 14:00": local reading 10:00Z, Paris reading 13:00Z;
     * + 48 h: the local one, 12 Mar 10:00Z = 14:00 at La Réunion.
     * Guadeloupe (UTC-4): Paris reading 13:00Z, local reading 18:00Z; the Paris one, 12 Mar 13:00Z
     * = 09:00 in Guadeloupe.
     */
    @ParameterizedTest(name = "{0}: ends {1} local, {2}")
    @CsvSource({
        "974, 2026-03-12T14:00, 2026-03-12T10:00:00Z",
        "976, 2026-03-12T14:00, 2026-03-12T11:00:00Z",
        "971, 2026-03-12T09:00, 2026-03-12T13:00:00Z",
        "973, 2026-03-12T10:00, 2026-03-12T13:00:00Z",
        "75,  2026-03-12T14:00, 2026-03-12T13:00:00Z",
    })
    void overseasTakesTheEarlierReadingOfTheTime(String department, LocalDateTime localEnd, String instant) {
        Deadline deadline = retention("2026-03-10T14:00", department);
        assertThat(deadline.dateTime()).isEqualTo(localEnd);
        assertThat(deadline.endsAt().toInstant().toString()).isEqualTo(instant);
    }

    /** Before 15 July 2024 the former rule was 48 hours too: Sun 14 July 2024 10:00 -> Tue 16 July 10:00. */
    @Test
    void formerRuleWasAlsoFortyEightHours() {
        Deadline former = retention("2024-07-14T10:00", "75");
        assertThat(former.dateTime()).isEqualTo(LocalDateTime.of(2024, 7, 16, 10, 0));
        assertThat(former.source()).contains("Régime antérieur au 15 juil. 2024");
        Deadline current = retention("2024-07-15T10:00", "75");
        assertThat(current.dateTime()).isEqualTo(LocalDateTime.of(2024, 7, 17, 10, 0));
        assertThat(current.source()).doesNotContain("Régime antérieur");
    }
}
