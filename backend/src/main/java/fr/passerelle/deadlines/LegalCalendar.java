package fr.passerelle.deadlines;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days of a French department, for extending deadlines (art. 642 CPC).
 *
 * <p>A day is not worked when it is a Saturday, a Sunday or a public holiday of the department:
 * <ul>
 *   <li>everywhere, the eleven days of Code du travail L3133-1: 1 January, Easter Monday, 1 May,
 *       8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December;</li>
 *   <li>in Alsace-Moselle (57, 67, 68), also Good Friday and 26 December (Code du travail
 *       L3134-13);</li>
 *   <li>in each overseas department, also its day commemorating the abolition of slavery (loi
 *       n° 83-550 du 30 juin 1983, décret n° 83-1003 du 23 novembre 1983 modifié): Guadeloupe
 *       (971) 27 May, Martinique (972) 22 May, Guyane (973) 10 June, La Réunion (974)
 *       20 December, Mayotte (976) 27 April.</li>
 * </ul>
 *
 * <p>The dates come from jollyday 2.19 (national calendar {@code FRANCE} with subdivisions
 * {@code 57}/{@code 67}/{@code 68}; overseas departments mapped to jollyday's own calendars
 * {@code GUADELOUPE}, {@code MARTINIQUE}, {@code FRENCH_GUIANA}, {@code REUNION}, {@code MAYOTTE}).
 * Only {@link HolidayType#PUBLIC_HOLIDAY}s whose key is on the list above are kept. This is
 * deliberate: jollyday lists Eid al-Adha as a public holiday of Mayotte, which no text of the
 * Code du travail makes a public holiday and whose date depends on the sighting of the moon.
 * Counting a day that is not a legal holiday would push a deadline one day too late; leaving
 * out a doubtful day can only make it earlier. So the list is closed.
 *
 * <p>Thread-safe: the jollyday managers and each (department, year) set of holidays are
 * computed once and cached. Every call into jollyday holds one JVM-wide lock: jollyday 2.19 loads
 * its configuration service lazily through a {@code LazyServiceLoaderCache} whose unsynchronized
 * {@code getServices()} can hand a concurrent caller the still-empty list ("Cannot instantiate
 * datasource instance because there is no implementations") the first time it is used in a JVM.
 * The same call looks the service up with {@link java.util.ServiceLoader} through the thread's
 * context class loader, which in engine or pool threads need not see jollyday-jaxb: it is set to
 * this class's loader for the duration of the call.
 */
public final class LegalCalendar {

    /** Jollyday property keys of the days of Code du travail L3133-1, with their French names. */
    private static final Map<String, String> NATIONAL = Map.ofEntries(
            Map.entry("NEW_YEAR", "jour de l'An"),
            Map.entry("christian.EASTER_MONDAY", "lundi de Pâques"),
            Map.entry("LABOUR_DAY", "fête du Travail"),
            Map.entry("VICTORY_DAY", "Victoire 1945"),
            Map.entry("christian.ASCENSION_DAY", "Ascension"),
            Map.entry("christian.WHIT_MONDAY", "lundi de Pentecôte"),
            Map.entry("NATIONAL_DAY", "fête nationale"),
            Map.entry("ASSUMPTION_MARY", "Assomption"),
            Map.entry("ALL_SAINTS", "Toussaint"),
            Map.entry("ARMISTICE", "Armistice 1918"),
            Map.entry("CHRISTMAS", "Noël"));

    /** Alsace-Moselle only (Code du travail L3134-13). */
    private static final Map<String, String> ALSACE_MOSELLE = Map.of(
            "christian.GOOD_FRIDAY", "Vendredi saint (Alsace-Moselle)",
            "SECOND_CHRISTMAS_DAY", "Saint-Étienne (Alsace-Moselle)");

    /** Overseas departments only (loi n° 83-550, décret n° 83-1003). */
    private static final Map<String, String> OVERSEAS =
            Map.of("ABOLITION_OF_SLAVERY", "commémoration de l'abolition de l'esclavage");

    /** Serializes every call into jollyday, across all instances (its caches are static). */
    private static final Object JOLLYDAY = new Object();

    private final Map<HolidayCalendar, HolidayManager> managers = new ConcurrentHashMap<>();
    private final Map<String, SortedMap<LocalDate, String>> holidaysByDepartmentAndYear = new ConcurrentHashMap<>();

    public LegalCalendar() {}

    /**
     * The public holidays of {@code department} in {@code year}, by date, with their French name.
     *
     * @throws IllegalArgumentException if the department code is unknown
     */
    public SortedMap<LocalDate, String> holidays(int year, String department) {
        return holidays(year, Department.of(department));
    }

    /** Whether {@code date} is a public holiday in {@code department} (weekends aside). */
    public boolean isHoliday(LocalDate date, String department) {
        Objects.requireNonNull(date, "date");
        return holidays(date.getYear(), Department.of(department)).containsKey(date);
    }

    /** Whether {@code date} is neither a Saturday, a Sunday nor a public holiday of {@code department}. */
    public boolean isWorkingDay(LocalDate date, String department) {
        Objects.requireNonNull(date, "date");
        return isWorkingDay(date, Department.of(department));
    }

    /** Why {@code date} is not a working day in {@code department} ("samedi", "lundi de Pâques"...), if it is not. */
    public Optional<String> nonWorkingReason(LocalDate date, String department) {
        Objects.requireNonNull(date, "date");
        return nonWorkingReason(date, Department.of(department));
    }

    // ---------------------------------------------------------------- package-private

    boolean isWorkingDay(LocalDate date, Department department) {
        return nonWorkingReason(date, department).isEmpty();
    }

    Optional<String> nonWorkingReason(LocalDate date, Department department) {
        String holiday = holidays(date.getYear(), department).get(date);
        if (holiday != null) {
            return Optional.of(holiday);
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return Optional.of("samedi");
        }
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.of("dimanche");
        }
        return Optional.empty();
    }

    /** {@code date} itself if it is a working day, else the next working day (art. 642 CPC). */
    LocalDate firstWorkingDayFrom(LocalDate date, Department department) {
        LocalDate day = date;
        while (!isWorkingDay(day, department)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** {@code date} itself if it is a working day, else the previous working day. */
    LocalDate lastWorkingDayUntil(LocalDate date, Department department) {
        LocalDate day = date;
        while (!isWorkingDay(day, department)) {
            day = day.minusDays(1);
        }
        return day;
    }

    SortedMap<LocalDate, String> holidays(int year, Department department) {
        return holidaysByDepartmentAndYear.computeIfAbsent(
                department.code() + "/" + year, key -> Collections.unmodifiableSortedMap(load(year, department)));
    }

    private SortedMap<LocalDate, String> load(int year, Department department) {
        Set<Holiday> listed;
        synchronized (JOLLYDAY) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(LegalCalendar.class.getClassLoader());
            try {
                HolidayManager manager = managers.computeIfAbsent(
                        department.calendar(),
                        calendar -> HolidayManager.getInstance(ManagerParameters.create(calendar)));
                listed = department.subdivision() == null
                        ? manager.getHolidays(Year.of(year))
                        : manager.getHolidays(Year.of(year), department.subdivision());
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        SortedMap<LocalDate, String> result = new TreeMap<>();
        for (Holiday holiday : listed) {
            if (holiday.getType() != HolidayType.PUBLIC_HOLIDAY) {
                continue; // observances (Mayotte lists several)
            }
            String name = legalName(holiday.getPropertiesKey(), department);
            if (name != null) {
                result.put(holiday.getDate(), name);
            }
        }
        return result;
    }

    private static String legalName(String key, Department department) {
        String name = NATIONAL.get(key);
        if (name == null && department.alsaceMoselle()) {
            name = ALSACE_MOSELLE.get(key);
        }
        if (name == null && department.overseas()) {
            name = OVERSEAS.get(key);
        }
        return name;
    }
}
