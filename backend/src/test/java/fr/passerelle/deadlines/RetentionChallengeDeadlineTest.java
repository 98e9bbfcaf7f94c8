package fr.passerelle.deadlines;

import static fr.passerelle.deadlines.DeadlineRule.OQTF_RETENTION;
import static fr.passerelle.deadlines.DeadlineRule.RETENTION_CHALLENGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * A placement in retention challenged before the judge (L741-10 CESEDA): the safe reading, 48 hours
 * hour to hour from the placement's notification, counted as the OQTF in retention.
 */
class RetentionChallengeDeadlineTest {

    private static final LegalDeadlines DEADLINES = new LegalDeadlines(new LegalCalendar());

    @Test
    void fortyEightHoursFromThePlacementHourToHourNeverExtended() {
        // Fri 3 April 2026 16:00 -> Sun 5 April 16:00, not moved over Easter.
        Deadline deadline = DEADLINES.compute(RETENTION_CHALLENGE, LocalDateTime.parse("2026-04-03T16:00"), "69");
        assertThat(deadline.rule()).isEqualTo(RETENTION_CHALLENGE);
        assertThat(deadline.dateTime()).isEqualTo(LocalDateTime.of(2026, 4, 5, 16, 0));
        assertThat(deadline.endsAt()).isEqualTo(ZonedDateTime.of(2026, 4, 5, 16, 0, 0, 0, ZoneId.of("Europe/Paris")));
        assertThat(deadline.timerAt()).isEqualTo(deadline.endsAt());
        assertThat(deadline.source()).contains("L741-10", "lecture prudente");
        assertThat(deadline.explanation()).contains("48 heures", "juge", "dimanche 5 avril 2026 à 16 h 00");
        assertThat(RETENTION_CHALLENGE.countsHours()).isTrue();
    }

    @Test
    void countedAsTheOqtfInRetentionAcrossAClockChange() {
        LocalDateTime placed = LocalDateTime.parse("2026-03-28T10:00");
        assertThat(DEADLINES.compute(RETENTION_CHALLENGE, placed, "75").endsAt())
                .isEqualTo(DEADLINES.compute(OQTF_RETENTION, placed, "75").endsAt());
    }

    @Test
    void needsTheHourOfTheNotification() {
        assertThatThrownBy(() -> DEADLINES.compute(RETENTION_CHALLENGE, LocalDate.of(2026, 4, 3), "69"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
