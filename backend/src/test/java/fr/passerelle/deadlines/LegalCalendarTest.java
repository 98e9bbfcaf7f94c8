package fr.passerelle.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LegalCalendarTest {

    private static final LegalCalendar CALENDAR = new LegalCalendar();

    /** Overseas departments and their abolition-of-slavery day (décret n° 83-1003 modifié). */
    private static final Map<String, MonthDay> ABOLITION = Map.of(
            "971", MonthDay.of(5, 27), // Guadeloupe
            "972", MonthDay.of(5, 22), // Martinique
            "973", MonthDay.of(6, 10), // Guyane
            "974", MonthDay.of(12, 20), // La Réunion
            "976", MonthDay.of(4, 27)); // Mayotte

    // ------------------------------------------------------------------ 2026, by hand

    /** Code du travail L3133-1 in 2026. Easter Sunday 2026 is 5 April: +1, +39, +50. */
    @ParameterizedTest(name = "{0} ({1}) is a public holiday in every department")
    @CsvSource({
        "2026-01-01, jour de l'An",
        "2026-04-06, lundi de Pâques", // Easter 5 April + 1
        "2026-05-01, fête du Travail",
        "2026-05-08, Victoire 1945",
        "2026-05-14, Ascension", // Easter + 39
        "2026-05-25, lundi de Pentecôte", // Easter + 50
        "2026-07-14, fête nationale",
        "2026-08-15, Assomption",
        "2026-11-01, Toussaint",
        "2026-11-11, Armistice 1918",
        "2026-12-25, Noël"
    })
    void nationalHolidays2026(LocalDate day, String name) {
        for (String department : List.of("75", "01", "2A", "2B", "57", "95", "971", "972", "973", "974", "976")) {
            assertThat(CALENDAR.isHoliday(day, department)).as(department).isTrue();
            assertThat(CALENDAR.isWorkingDay(day, department)).as(department).isFalse();
            assertThat(CALENDAR.nonWorkingReason(day, department))
                    .as(department)
                    .contains(name);
        }
    }

    @Test
    void paris2026HasExactlyTheElevenDaysOfL3133_1() {
        assertThat(CALENDAR.holidays(2026, "75").keySet())
                .containsExactly(
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 4, 6),
                        LocalDate.of(2026, 5, 1),
                        LocalDate.of(2026, 5, 8),
                        LocalDate.of(2026, 5, 14),
                        LocalDate.of(2026, 5, 25),
                        LocalDate.of(2026, 7, 14),
                        LocalDate.of(2026, 8, 15),
                        LocalDate.of(2026, 11, 1),
                        LocalDate.of(2026, 11, 11),
                        LocalDate.of(2026, 12, 25));
    }

    /** Good Friday 2026 = Easter (5 April) - 2 = Friday 3 April; 26 December 2025 is a Friday. */
    @ParameterizedTest(name = "Alsace-Moselle {0}: {1} and {2} are holidays there, not in 75")
    @CsvSource({"57, 2026-04-03, 2025-12-26", "67, 2026-04-03, 2025-12-26", "68, 2026-04-03, 2025-12-26"})
    void alsaceMoselleAddsGoodFridayAndSaintStephen(String department, LocalDate goodFriday, LocalDate saintStephen) {
        assertThat(CALENDAR.isWorkingDay(goodFriday, department)).isFalse();
        assertThat(CALENDAR.isWorkingDay(saintStephen, department)).isFalse();
        assertThat(CALENDAR.nonWorkingReason(goodFriday, department)).contains("Vendredi saint (Alsace-Moselle)");
        for (String elsewhere : List.of("75", "54", "88", "90", "2A", "971")) {
            assertThat(CALENDAR.isWorkingDay(goodFriday, elsewhere))
                    .as(elsewhere)
                    .isTrue();
            assertThat(CALENDAR.isWorkingDay(saintStephen, elsewhere))
                    .as(elsewhere)
                    .isTrue();
        }
        assertThat(CALENDAR.holidays(2026, department)).hasSize(13);
    }

    /** Each overseas code gets its own abolition day and no other department's. */
    @ParameterizedTest(name = "{0}: abolition day {1}")
    @CsvSource({"971, 2026-05-27", "972, 2026-05-22", "973, 2026-06-10", "974, 2026-12-20", "976, 2026-04-27"})
    void overseasMappingGivesEachDepartmentItsAbolitionDay(String department, LocalDate abolition) {
        assertThat(CALENDAR.isHoliday(abolition, department)).isTrue();
        assertThat(CALENDAR.nonWorkingReason(abolition, department))
                .contains("commémoration de l'abolition de l'esclavage");
        assertThat(CALENDAR.holidays(2026, department)).hasSize(12);
        for (String other : ABOLITION.keySet()) {
            if (!other.equals(department)) {
                assertThat(CALENDAR.isHoliday(abolition, other)).as(other).isFalse();
            }
        }
        assertThat(CALENDAR.isHoliday(abolition, "75")).isFalse();
        assertThat(CALENDAR.isHoliday(abolition, "57")).isFalse();
    }

    /**
     * Jollyday lists Eid al-Adha (27 May 2026) as a public holiday of Mayotte, and observances
     * (Eid al-Fitr 20 March 2026, Mawlid 25 August 2026). None is a legal holiday: 27 May 2026 is
     * a Wednesday and must stay a working day in 976.
     */
    @Test
    void mayotteOnlyCountsLegalHolidays() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 5, 27), "976")).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 3, 20), "976")).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 8, 25), "976")).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 1, 16), "976")).isTrue();
        assertThat(CALENDAR.holidays(2026, "976").values()).doesNotContain("Eid ul-Adha");
    }

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({"2026-03-07, samedi", "2026-03-08, dimanche"})
    void weekendsAreNotWorkingDays(LocalDate day, String reason) {
        assertThat(CALENDAR.isWorkingDay(day, "75")).isFalse();
        assertThat(CALENDAR.isHoliday(day, "75")).isFalse();
        assertThat(CALENDAR.nonWorkingReason(day, "75")).contains(reason);
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 3, 9), "75")).isTrue(); // Monday
    }

    // ------------------------------------------------------------------ other years, independently

    static Stream<Integer> years() {
        return IntStream.rangeClosed(2024, 2040).boxed();
    }

    /**
     * Cross-check of jollyday against an independent computation (Easter by the anonymous
     * Gregorian algorithm), for every department kind and the years the software will meet.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("years")
    void holidaysMatchTheLawInEveryYear(int year) {
        LocalDate easter = easterSunday(year);
        Set<LocalDate> national = Set.of(
                LocalDate.of(year, 1, 1),
                easter.plusDays(1),
                LocalDate.of(year, 5, 1),
                LocalDate.of(year, 5, 8),
                easter.plusDays(39),
                easter.plusDays(50),
                LocalDate.of(year, 7, 14),
                LocalDate.of(year, 8, 15),
                LocalDate.of(year, 11, 1),
                LocalDate.of(year, 11, 11),
                LocalDate.of(year, 12, 25));
        assertThat(CALENDAR.holidays(year, "75").keySet()).containsExactlyInAnyOrderElementsOf(national);
        assertThat(CALENDAR.holidays(year, "2B").keySet()).containsExactlyInAnyOrderElementsOf(national);

        Set<LocalDate> alsace = new TreeSet<>(national);
        alsace.add(easter.minusDays(2));
        alsace.add(LocalDate.of(year, 12, 26));
        for (String department : List.of("57", "67", "68")) {
            assertThat(CALENDAR.holidays(year, department).keySet())
                    .as(department)
                    .containsExactlyInAnyOrderElementsOf(alsace);
        }
        for (Map.Entry<String, MonthDay> entry : ABOLITION.entrySet()) {
            Set<LocalDate> overseas = new TreeSet<>(national);
            overseas.add(entry.getValue().atYear(year));
            assertThat(CALENDAR.holidays(year, entry.getKey()).keySet())
                    .as(entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(overseas);
        }
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    private static LocalDate easterSunday(int year) {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    @Test
    void easterAlgorithmItselfIsRight() {
        assertThat(easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    }

    // ------------------------------------------------------------------ department codes

    static Stream<String> validCodes() {
        List<String> codes = new ArrayList<>();
        for (int n = 1; n <= 95; n++) {
            if (n != 20) {
                codes.add(String.format("%02d", n));
            }
        }
        codes.addAll(List.of("2A", "2B", "971", "972", "973", "974", "976"));
        return codes.stream();
    }

    @ParameterizedTest(name = "{0} accepted")
    @MethodSource("validCodes")
    void acceptsEveryDepartment(String code) {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 3, 9), code)).isTrue(); // an ordinary Monday
        assertThat(Department.of(code).code()).isEqualTo(code);
    }

    @Test
    void acceptsLowerCaseCorsicaAndSurroundingBlanks() {
        assertThat(Department.of("2a").code()).isEqualTo("2A");
        assertThat(Department.of(" 57 ").code()).isEqualTo("57");
        assertThat(Department.of(" 57 ").alsaceMoselle()).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' rejected")
    @ValueSource(
            strings = {
                "20", "00", "96", "99", "975", "977", "978", "970", "FR-57", "FR57", "57A", "5", "075", "2C", "1",
                "100", "abc", "9 7 1", "-1"
            })
    void rejectsUnknownCodesNamingThem(String code) {
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2026, 3, 9), code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + code + "'");
        assertThatThrownBy(() -> CALENDAR.holidays(2026, code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void rejectsMissingCodes(String code) {
        assertThatThrownBy(() -> CALENDAR.isHoliday(LocalDate.of(2026, 1, 1), code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("department code is required");
    }

    // ------------------------------------------------------------------ thread safety

    @Test
    void concurrentUseGivesTheSameAnswers() throws Exception {
        LegalCalendar fresh = new LegalCalendar();
        List<String> departments = List.of("75", "57", "67", "68", "971", "972", "973", "974", "976", "2A");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                int seed = t;
                tasks.add(() -> {
                    int count = 0;
                    for (int i = 0; i < 200; i++) {
                        String department = departments.get((seed + i) % departments.size());
                        count += fresh.holidays(2020 + (seed + i) % 15, department)
                                .size();
                    }
                    return count;
                });
            }
            List<Integer> counts = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(tasks)) {
                counts.add(future.get());
            }
            // Recompute sequentially on another instance: every task must have seen the same sets.
            for (int t = 0; t < 64; t++) {
                int expected = 0;
                for (int i = 0; i < 200; i++) {
                    expected += CALENDAR.holidays(2020 + (t + i) % 15, departments.get((t + i) % departments.size()))
                            .size();
                }
                assertThat(counts.get(t)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
