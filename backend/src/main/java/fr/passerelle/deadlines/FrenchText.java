package fr.passerelle.deadlines;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** Dates written the French way: "mercredi 4 mars 2026", "dimanche 1er mars 2026", "à 10 h 05". */
final class FrenchText {

    private FrenchText() {}

    static String date(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " " + dayMonthYear(date);
    }

    static String dayMonthYear(LocalDate date) {
        int day = date.getDayOfMonth();
        return (day == 1 ? "1er" : String.valueOf(day)) + " "
                + date.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " " + date.getYear();
    }

    static String dateTime(LocalDateTime dateTime) {
        return date(dateTime.toLocalDate()) + " à " + time(dateTime);
    }

    static String time(LocalDateTime dateTime) {
        return String.format(Locale.ROOT, "%d h %02d", dateTime.getHour(), dateTime.getMinute());
    }
}
