package fr.passerelle.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When reminders go out, rule by rule (docs/alerts.md), plain Java. */
class ThresholdsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant MAY_4_END = at(2026, 5, 4, 23, 59).plusSeconds(59);

    @Test
    void aDeadlineInDaysRemindsSevenDaysAndTwoDaysBeforeAndOnTheDayAtEightLocal() {
        assertThat(Thresholds.of("CONTENTIOUS_APPEAL", MAY_4_END, at(2026, 3, 2, 9, 0), PARIS, 8))
                .containsExactly(
                        new Thresholds.Threshold("P7D", at(2026, 4, 27, 8, 0)),
                        new Thresholds.Threshold("P2D", at(2026, 5, 2, 8, 0)),
                        new Thresholds.Threshold("DAY", at(2026, 5, 4, 8, 0)));
    }

    @Test
    void thresholdsAlreadyPastMakeOneReminderAtOnceAndNoneOnceTheDeadlineIsPast() {
        Instant now = at(2026, 5, 3, 10, 0);
        assertThat(Thresholds.of("CONTENTIOUS_APPEAL", MAY_4_END, now, PARIS, 8))
                .containsExactly(
                        new Thresholds.Threshold("P2D", now), new Thresholds.Threshold("DAY", at(2026, 5, 4, 8, 0)));
        assertThat(Thresholds.of("CONTENTIOUS_APPEAL", MAY_4_END, MAY_4_END, PARIS, 8))
                .isEmpty();
    }

    @Test
    void anAppointmentRemindsTheDayBeforeNotAtMidnightOnTheDay() {
        Instant day = at(2026, 5, 4, 0, 0);
        assertThat(Thresholds.of("at:appointmentDate", day, at(2026, 3, 2, 9, 0), PARIS, 8))
                .extracting(Thresholds.Threshold::name)
                .containsExactly("P7D", "P2D", "P1D");
    }

    @Test
    void overseasDeadlinesCountInTheirOwnTime() {
        ZoneId reunion = ZoneId.of("Indian/Reunion");
        Instant due = LocalDateTime.of(2026, 5, 4, 23, 59, 59).atZone(reunion).toInstant();
        assertThat(Thresholds.of("CONTENTIOUS_APPEAL", due, at(2026, 3, 2, 9, 0), reunion, 8)
                        .get(2)
                        .sendAt())
                .isEqualTo(LocalDateTime.of(2026, 5, 4, 8, 0).atZone(reunion).toInstant());
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(PARIS).toInstant();
    }
}
