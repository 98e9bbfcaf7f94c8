package fr.passerelle.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Jollyday 2.19 loads its configuration service lazily, and the first concurrent callers in a JVM
 * can be handed an empty service list ("Cannot instantiate datasource instance because there is
 * no implementations"). The engine's job executor and the web threads may call the calendar at
 * the same time right after start-up, so LegalCalendar must be safe on first use.
 *
 * <p>Jollyday's state is static, so each round runs in a fresh JVM ({@link #main}) where many
 * threads make their first call at once, from threads whose context class loader cannot see the
 * application's classes.
 */
class JollydayFirstUseConcurrencyTest {

    private static final List<String> DEPARTMENTS = List.of("75", "57", "971", "972", "973", "974", "976", "2A");
    private static final Map<String, Integer> EXPECTED_2026 =
            Map.of("75", 11, "57", 13, "971", 12, "972", 12, "973", 12, "974", 12, "976", 12, "2A", 11);

    @Test
    void firstConcurrentUseInAFreshJvmWorks() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 0; round < 3; round++) {
            Process process = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            JollydayFirstUseConcurrencyTest.class.getName())
                    .redirectErrorStream(true)
                    .start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).as("round " + round).contains("ALL OK").doesNotContain("FAILED");
            assertThat(process.exitValue()).as(output).isZero();
        }
    }

    /** Run in a fresh JVM: 16 threads make their first call into the calendar at the same moment. */
    public static void main(String[] args) throws Exception {
        int threads = 16;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String department = DEPARTMENTS.get(t % DEPARTMENTS.size());
            Thread worker = new Thread(() -> {
                try {
                    LegalCalendar calendar = new LegalCalendar();
                    ready.countDown();
                    start.await();
                    Map<LocalDate, String> days = calendar.holidays(2026, department);
                    if (days.size() != EXPECTED_2026.get(department) || !days.containsKey(LocalDate.of(2026, 4, 6))) {
                        failures.add(department + " -> " + days.keySet());
                    }
                } catch (Throwable e) {
                    failures.add(department + " -> " + e);
                }
            });
            // A context class loader that sees nothing of the application, as in some pool threads.
            worker.setContextClassLoader(ClassLoader.getPlatformClassLoader());
            workers.add(worker);
            worker.start();
        }
        ready.await();
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        if (failures.isEmpty()) {
            System.out.println("ALL OK");
        } else {
            failures.forEach(f -> System.out.println("FAILED " + f));
            System.exit(1);
        }
    }
}
