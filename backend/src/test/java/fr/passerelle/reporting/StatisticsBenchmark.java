package fr.passerelle.reporting;

import static fr.passerelle.support.Associations.group;

import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.support.TestTokens;
import fr.passerelle.support.TestTokensInitializer;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Dashboard statistics on a generated caseload (infra/benchmark-reporting.sh): p50 and p95 of
 * GET /api/statistics for the association whose size is nearest 20,000 cases and for the
 * largest, and of GET /api/admin/statistics across the platform, through HTTP with a token,
 * after a warm-up. Never run by the test command.
 */
@Tag("benchmark")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "passerelle.security.issuer=" + TestTokens.ISSUER,
            "passerelle.security.audience=" + TestTokens.AUDIENCE,
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${passerelle.bench.database:passerelle_bench}",
            "camunda.bpm.job-execution.enabled=false"
        })
@ContextConfiguration(initializers = TestTokensInitializer.class)
@ActiveProfiles("test")
class StatisticsBenchmark {
    private static final int RUNS = Integer.getInteger("passerelle.bench.runs", 60);
    private static final int WARM_UP = 10;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final List<String> report = new ArrayList<>();

    @Test
    void statisticsLatency() throws IOException {
        // the service's role counts each association's cases with that association bound (row-level security)
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (String slug : jdbc.queryForList("SELECT slug FROM app.associations", String.class)) {
            long n = Tenancy.runAs(
                    new CurrentAssociation(slug, Set.of(Role.COORDINATOR)),
                    () -> jdbc.queryForObject("SELECT count(*) FROM app.cases", Long.class));
            sizes.add(Map.of("slug", slug, "n", n));
        }
        sizes.sort((x, y) -> Long.compare((Long) y.get("n"), (Long) x.get("n")));
        long total =
                sizes.stream().mapToLong(s -> ((Number) s.get("n")).longValue()).sum();
        Map<String, Object> nearest = sizes.stream()
                .min((x, y) -> Long.compare(
                        Math.abs(((Number) x.get("n")).longValue() - 20_000),
                        Math.abs(((Number) y.get("n")).longValue() - 20_000)))
                .orElseThrow();
        Map<String, Object> largest = sizes.get(0);
        line("Statistics on %,d cases in %d associations, %d runs each after %d warm-up runs (p50 / p95 ms)"
                .formatted(total, sizes.size(), RUNS, WARM_UP));
        for (Map<String, Object> association : List.of(nearest, largest)) {
            String slug = (String) association.get("slug");
            Api coordinator = Api.at(port)
                    .as(TestTokens.user("coord-" + slug, group(slug, "coordinator"))
                            .token());
            double[] ms = time(() -> check(coordinator.get("/api/statistics")));
            line("%-60s %8.1f %8.1f   target p95 < 100 ms%s"
                    .formatted(
                            "association " + slug
                                    + " (%,d cases)".formatted(((Number) association.get("n")).longValue()),
                            percentile(ms, 50),
                            percentile(ms, 95),
                            percentile(ms, 95) < 100 ? "  MET" : "  MISSED"));
        }
        Api admin = Api.at(port).as(TestTokens.user("admin").platformAdmin().token());
        double[] ms = time(() -> check(admin.get("/api/admin/statistics")));
        line("%-60s %8.1f %8.1f   target p95 < 1000 ms%s"
                .formatted(
                        "platform (%,d cases, %d associations)".formatted(total, sizes.size()),
                        percentile(ms, 50),
                        percentile(ms, 95),
                        percentile(ms, 95) < 1000 ? "  MET" : "  MISSED"));
        Path out = Path.of("target/benchmark/statistics.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private static void check(Api.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException(response.toString());
        }
    }

    private double[] time(Runnable call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private void line(String text) {
        System.out.println(text);
        report.add(text);
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
