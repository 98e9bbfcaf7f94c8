package fr.passerelle.processes;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * Which deadline an OQTF gives, by the person's situation when it is notified (loi n° 2024-42,
 * OQTFs notified from 15 July 2024): free, 1 month (L911-1 CESEDA, {@code OQTF_ORDINARY}); under
 * house arrest or in prison, 7 days (L921-1, {@code OQTF_HOUSE_ARREST}); in administrative retention,
 * 48 hours (L921-2, {@code OQTF_RETENTION}). And what a restriction of liberty notified later during
 * that delay brings: the same rules, from its own notification.
 *
 * <p>Situations ({@code oqtfKind}): {@code ORDINARY} (free), {@code HOUSE_ARREST}, {@code IMPRISONMENT},
 * {@code RETENTION}. Restrictions ({@code restrictionKind}): {@code ARREST} (police custody or a check of
 * the right to stay: no delay of its own), {@code HOUSE_ARREST}, {@code IMPRISONMENT}, {@code RETENTION}.
 *
 * <p>An OQTF notified before 15 July 2024 keeps the former rules: 30 days for a free person (counted by
 * the deadlines bean from the notification's date), 48 hours for a person under house arrest, in prison or
 * in retention, and for a house arrest or a retention notified during its delay (CESEDA before loi
 * n° 2024-42; ancien R776-2 CJA). Every such delay ended by mid-August 2024; the former 48 hours of an
 * OQTF without a departure period are not asked for, as they can no longer change anything
 * (docs/procedure.md). An unknown situation gives the shortest delay, 48 hours.
 */
public final class OqtfRegime {

    /** OQTFs notified from this day on follow loi n° 2024-42 (décret n° 2024-799, art. 9 II). */
    public static final LocalDate REFORM = LocalDate.of(2024, 7, 15);

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private OqtfRegime() {}

    /** Whether a decision outcome carries an OQTF: a refusal with an OQTF, or an OQTF alone ({@code OQTF}). */
    public static boolean isOqtf(Object outcome) {
        return "REFUSED_WITH_OQTF".equals(outcome) || "OQTF".equals(outcome);
    }

    /** The deadline rule of an OQTF notified in situation {@code kind} at {@code notifiedAt}. */
    public static String rule(Object kind, Object notifiedAt) {
        if (former(notifiedAt)) {
            return "ORDINARY".equals(kind) ? "OQTF_ORDINARY" : "OQTF_RETENTION";
        }
        if (kind == null) {
            return "OQTF_RETENTION";
        }
        return switch (kind.toString()) {
            case "ORDINARY" -> "OQTF_ORDINARY";
            case "HOUSE_ARREST", "IMPRISONMENT" -> "OQTF_HOUSE_ARREST";
            default -> "OQTF_RETENTION";
        };
    }

    /**
     * The rule a restriction of liberty brings against an OQTF notified at {@code oqtfNotifiedAt}, or null
     * for an arrest (a retention or a house arrest may follow; the arrest has no delay of its own).
     */
    public static String restrictionRule(Object restrictionKind, Object oqtfNotifiedAt) {
        if (restrictionKind == null || "ARREST".equals(restrictionKind)) {
            return null;
        }
        if (former(oqtfNotifiedAt)) {
            return "OQTF_RETENTION";
        }
        return switch (restrictionKind.toString()) {
            case "HOUSE_ARREST", "IMPRISONMENT" -> "OQTF_HOUSE_ARREST";
            default -> "OQTF_RETENTION";
        };
    }

    /** Whether an OQTF notified then follows the rules before loi n° 2024-42. */
    public static boolean former(Object notifiedAt) {
        LocalDateTime at = dateTime(notifiedAt);
        return at != null && at.toLocalDate().isBefore(REFORM);
    }

    /**
     * A date or date-time (ISO {@code yyyy-MM-dd}, {@code yyyy-MM-ddTHH:mm[:ss]}, with or without an
     * offset; {@link Date}, {@link LocalDate}, {@link LocalDateTime}) as a Paris local date-time; a date
     * alone is the start of its day. Null for null.
     */
    public static LocalDateTime dateTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (value instanceof Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), PARIS);
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(PARIS).toLocalDateTime();
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(PARIS).toLocalDateTime();
        }
        String text = value.toString().trim();
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay();
        }
        if (text.endsWith("Z") || text.matches(".*T.*[+-]\\d\\d:\\d\\d$")) {
            return OffsetDateTime.parse(text).atZoneSameInstant(PARIS).toLocalDateTime();
        }
        return LocalDateTime.parse(text);
    }
}
