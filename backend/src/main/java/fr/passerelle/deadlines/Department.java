package fr.passerelle.deadlines;

import de.focus_shift.jollyday.core.HolidayCalendar;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * A validated French department code and what the calendar needs to know about it.
 *
 * <p>Accepted: {@code 01}-{@code 95} except {@code 20} (Corsica has been {@code 2A}/{@code 2B}
 * since 1976), {@code 2A}, {@code 2B}, and the overseas departments {@code 971} Guadeloupe,
 * {@code 972} Martinique, {@code 973} Guyane, {@code 974} La Réunion, {@code 976} Mayotte.
 * {@code 975} (Saint-Pierre-et-Miquelon) is a collectivity, not a department, and has no
 * calendar here: it is rejected like any unknown code. Jollyday silently ignores a subdivision
 * it does not know (which would drop Alsace-Moselle's holidays without a word), so validation
 * happens here, before jollyday is asked anything.
 */
record Department(String code, HolidayCalendar calendar, String subdivision, ZoneId zone) {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Alsace-Moselle: local law adds Good Friday and 26 December (Code du travail L3134-13). */
    static final Set<String> ALSACE_MOSELLE = Set.of("57", "67", "68");

    static Department of(String rawCode) {
        if (rawCode == null || rawCode.isBlank()) {
            throw new IllegalArgumentException("A department code is required (e.g. 75, 2A, 971), got: "
                    + (rawCode == null ? "null" : "'" + rawCode + "'"));
        }
        String code = rawCode.strip().toUpperCase(Locale.ROOT);
        switch (code) {
            case "2A", "2B":
                return new Department(code, HolidayCalendar.FRANCE, null, PARIS);
            // Overseas departments are calendars of their own in jollyday, not subdivisions of FRANCE.
            case "971":
                return new Department(code, HolidayCalendar.GUADELOUPE, null, ZoneId.of("America/Guadeloupe"));
            case "972":
                return new Department(code, HolidayCalendar.MARTINIQUE, null, ZoneId.of("America/Martinique"));
            case "973":
                return new Department(code, HolidayCalendar.FRENCH_GUIANA, null, ZoneId.of("America/Cayenne"));
            case "974":
                return new Department(code, HolidayCalendar.REUNION, null, ZoneId.of("Indian/Reunion"));
            case "976":
                return new Department(code, HolidayCalendar.MAYOTTE, null, ZoneId.of("Indian/Mayotte"));
            default:
                break;
        }
        if (code.length() == 2 && Character.isDigit(code.charAt(0)) && Character.isDigit(code.charAt(1))) {
            int n = Integer.parseInt(code);
            if (n >= 1 && n <= 95 && n != 20) {
                // Only 57, 67 and 68 change anything; they are passed to jollyday as subdivisions.
                return new Department(code, HolidayCalendar.FRANCE, ALSACE_MOSELLE.contains(code) ? code : null, PARIS);
            }
        }
        throw new IllegalArgumentException("Unknown French department code '" + rawCode
                + "': expected 01-95 (not 20), 2A, 2B, 971, 972, 973, 974 or 976");
    }

    boolean alsaceMoselle() {
        return subdivision != null;
    }

    boolean overseas() {
        return calendar != HolidayCalendar.FRANCE;
    }
}
