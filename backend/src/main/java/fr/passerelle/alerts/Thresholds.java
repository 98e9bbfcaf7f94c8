package fr.passerelle.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When a deadline's reminders go out (the schedule, docs/alerts.md): 7 days, 2 days
 * before and on the day for a deadline counted in days or months; for the 48-hour OQTF in
 * retention (L921-2 CESEDA) at once and at half time; for the 7-day OQTF (L921-1 CESEDA) at once,
 * 3 days before and on the day; for an appointment, a meeting or a hearing (a date, no time) 7
 * days, 2 days and the day before. Day reminders go out at a fixed local hour. Thresholds already
 * past when the deadline is set make one reminder at once (the latest of them), none once the
 * deadline itself is past.
 */
final class Thresholds {
    record Threshold(String name, Instant sendAt) {}

    private Thresholds() {}

    static List<Threshold> of(String rule, Instant due, Instant now, ZoneId zone, int hour) {
        List<Threshold> all = new ArrayList<>();
        if (!due.isAfter(now)) {
            return all;
        }
        LocalDate day = due.atZone(zone).toLocalDate();
        if ("OQTF_RETENTION".equals(rule)) {
            all.add(new Threshold("NOW", now));
            all.add(new Threshold("HALF", now.plus(Duration.between(now, due).dividedBy(2))));
        } else if ("OQTF_HOUSE_ARREST".equals(rule)) {
            all.add(new Threshold("NOW", now));
            all.add(new Threshold("P3D", at(day.minusDays(3), zone, hour)));
            all.add(new Threshold("DAY", min(at(day, zone, hour), due)));
        } else if (rule != null && rule.startsWith("at:")) {
            all.add(new Threshold("P7D", at(day.minusDays(7), zone, hour)));
            all.add(new Threshold("P2D", at(day.minusDays(2), zone, hour)));
            all.add(new Threshold("P1D", at(day.minusDays(1), zone, hour)));
        } else {
            all.add(new Threshold("P7D", at(day.minusDays(7), zone, hour)));
            all.add(new Threshold("P2D", at(day.minusDays(2), zone, hour)));
            all.add(new Threshold("DAY", min(at(day, zone, hour), due)));
        }
        List<Threshold> kept = new ArrayList<>();
        Threshold latestPast = null;
        for (Threshold threshold : all) {
            if (threshold.sendAt().isAfter(now)) {
                kept.add(threshold);
            } else {
                latestPast = threshold;
            }
        }
        if (latestPast != null) {
            kept.add(0, new Threshold(latestPast.name(), now));
        }
        return kept;
    }

    private static Instant at(LocalDate day, ZoneId zone, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
