package fr.passerelle.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.security.KeycloakLogin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The load of infra/load-test.sh and infra/fault-test.sh: virtual users of the demo realm
 * (infra/keycloak/passerelle-realm.json), logged in through the real Keycloak, each a closed
 * loop with no pause, against one or more running nodes of the service (round robin per
 * request). Caseworkers read their task list, open a case, read its tasks and complete the
 * first three (the triage; a booking, a slot in 30 days, so a task due then with its reminders;
 * the appointment prepared, so a timer for its day); coordinators read the dashboard (GET /api/statistics) and the deadlines view, and
 * now and then start an Excel export; lawyers read their inbox. First a warm-up, then one
 * client doing every kind in turn (the single-client figures), then the users at once.
 *
 * <p>Prints and writes (PASSERELLE_LOAD_OUT) per kind: requests, errors, p50/p95/p99 and
 * throughput; and what the load sent and had acknowledged (sent.csv: cases opened, tasks
 * completed, exports started, and those whose answer never came), which the fault script
 * counts against the database; errors with their instant (errors.csv).
 *
 * <p>A request refused at connection (a node down: nothing was sent) is tried once on the next
 * node, as a load balancer does; it is counted as a failover, not an error. Tagged
 * "benchmark": never run by the test command. Settings by environment: PASSERELLE_LOAD_URLS
 * (comma-separated), _USERS, _SECONDS, _SINGLE_SECONDS, _WARMUP_SECONDS, _EXPORT_EVERY, _OUT,
 * _RUN, _ISSUER.
 */
@Tag("benchmark")
class LoadDriver {
    static final String PREPARE_FORM = """
            {"ground": "L435-1", "evidenceGathered": true, "personalStatementWritten": true, "proceedWithApplication": true}""";
    static final List<String> CASEWORKERS =
            List.of("ines.lyon", "hugo.lyon", "sofia.marseille", "karim.marseille", "emma.lille", "yanis.lille");
    static final List<String> COORDINATORS = List.of("claire.coord", "marc.coord", "lea.coord");
    static final List<String> LAWYERS = List.of("me.durand", "me.nguyen", "me.petit");
    static final Map<String, String> DEPARTMENT = Map.of("lyon", "69", "marseille", "13", "lille", "59");
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final List<String> urls = Arrays.asList(env("URLS", "http://localhost:8094").split(","));
    final int users = Integer.parseInt(env("USERS", "50"));
    final int seconds = Integer.parseInt(env("SECONDS", "300"));
    final int singleSeconds = Integer.parseInt(env("SINGLE_SECONDS", "60"));
    final int warmUpSeconds = Integer.parseInt(env("WARMUP_SECONDS", "20"));
    final int exportEvery = Integer.parseInt(env("EXPORT_EVERY", "25"));
    final Path out = Path.of(env("OUT", "target/load"));
    final String run = env("RUN", "r" + System.currentTimeMillis() / 1000);
    final String issuer = env("ISSUER", "http://localhost:8180/realms/passerelle");

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final AtomicInteger nextUrl = new AtomicInteger();
    final AtomicInteger failovers = new AtomicInteger();
    final ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    volatile Phase phase;

    /** The samples of one phase: per kind, latencies in milliseconds (negative: an error). */
    static final class Phase {
        final String name;
        final Map<String, ConcurrentLinkedQueue<Double>> samples = new ConcurrentHashMap<>();
        final boolean recorded;
        long startNanos;
        long endNanos;

        Phase(String name, boolean recorded) {
            this.name = name;
            this.recorded = recorded;
        }
    }

    @Test
    void load() throws Exception {
        Files.createDirectories(out);
        login();
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();
        // access tokens live 5 minutes in the demo realm: log in again every 3
        refresher.scheduleAtFixedRate(this::loginQuietly, 180, 180, TimeUnit.SECONDS);
        List<String> report = new ArrayList<>();
        try {
            if (warmUpSeconds > 0) {
                runPhase(new Phase("warm-up", false), Math.min(users, 5), warmUpSeconds, false);
            }
            if (singleSeconds > 0) {
                Phase single = new Phase("one client, every kind in turn", true);
                runPhase(single, 1, singleSeconds, true);
                report.addAll(summary(single));
                report.add("");
            }
            Files.writeString(out.resolve("started-load"), Instant.now().toString());
            Phase loaded = new Phase(users + " users at once", true);
            runPhase(loaded, users, seconds, false);
            report.addAll(summary(loaded));
        } finally {
            refresher.shutdownNow();
            Files.write(out.resolve("sent.csv"), sent);
            Files.write(out.resolve("errors.csv"), errors);
        }
        report.add("");
        report.add("failovers (connection refused, tried on the next node): " + failovers.get());
        report.add("nodes: " + String.join(", ", urls));
        Files.write(out.resolve("report.txt"), report);
        report.forEach(System.out::println);
    }

    void runPhase(Phase phase, int count, int duration, boolean mixed) throws InterruptedException {
        this.phase = phase;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
        ExecutorService workers = Executors.newFixedThreadPool(count);
        int caseworkers = mixed ? 0 : (int) Math.round(count * 0.6);
        int coordinators = mixed ? 0 : (int) Math.round(count * 0.25);
        phase.startNanos = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int user = i;
            String role = mixed
                    ? "mixed"
                    : i < caseworkers ? "caseworker" : i < caseworkers + coordinators ? "coordinator" : "lawyer";
            workers.submit(() -> {
                int n = 0;
                while (System.nanoTime() < deadline) {
                    try {
                        switch (role) {
                            case "caseworker" -> caseworker(user, n);
                            case "coordinator" -> coordinator(user, n);
                            case "lawyer" -> lawyer(user);
                            default -> {
                                caseworker(user, n);
                                coordinator(user, n + 1);
                                lawyer(user);
                            }
                        }
                    } catch (RuntimeException e) {
                        errors.add(Instant.now().toEpochMilli() + ",driver,-1," + e);
                    }
                    n++;
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(duration + 300, TimeUnit.SECONDS);
        phase.endNanos = System.nanoTime();
    }

    void caseworker(int user, int n) {
        String who = CASEWORKERS.get(user % CASEWORKERS.size());
        call(who, "caseworker: task list", "GET", "/api/tasks?scope=mine-and-groups&size=20", null);
        String applicant = "Charge " + run + " " + phase.name.charAt(0) + user + "-" + n;
        String department = DEPARTMENT.get(who.substring(who.indexOf('.') + 1));
        Reply opened = call(who, "caseworker: open a case", "POST", "/api/cases", """
                {"applicantName": "%s", "ground": "L435-1", "department": "%s"}""".formatted(applicant, department));
        if (opened.status != 201) {
            if (opened.status < 0) {
                sent.add("case-unanswered,," + applicant);
            }
            return;
        }
        String caseId = opened.json().get("id").asText();
        sent.add("case," + caseId + "," + applicant);
        Reply tasks = call(who, "caseworker: a case's tasks", "GET", "/api/cases/" + caseId + "/tasks", null);
        if (tasks.status != 200) {
            return;
        }
        for (JsonNode task : tasks.json()) {
            if (task.get("taskKey").asText().equals("prepareCase")) {
                complete(who, task.get("id").asText(), caseId, PREPARE_FORM);
            }
        }
        // then the booking: a slot obtained, the appointment in 30 days (a task due then, its reminders)
        Reply next = call(who, "caseworker: a case's tasks", "GET", "/api/cases/" + caseId + "/tasks", null);
        if (next.status != 200) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(PARIS).truncatedTo(ChronoUnit.MINUTES);
        for (JsonNode task : next.json()) {
            if (task.get("taskKey").asText().equals("recordBookingAttempt")) {
                complete(who, task.get("id").asText(), caseId, """
                        {"attemptAt": "%s", "attemptChannel": "COUNTER", "attemptResult": "SLOT_OBTAINED",
                         "appointmentDate": "%s"}""".formatted(
                                now.minusHours(1), now.toLocalDate().plusDays(30)));
            }
        }
        // and the appointment prepared: the case then waits for the appointment's day (a timer)
        Reply then = call(who, "caseworker: a case's tasks", "GET", "/api/cases/" + caseId + "/tasks", null);
        if (then.status != 200) {
            return;
        }
        for (JsonNode task : then.json()) {
            if (task.get("taskKey").asText().equals("prepareAppointment")) {
                complete(who, task.get("id").asText(), caseId, "{}");
            }
        }
    }

    void complete(String who, String taskId, String caseId, String form) {
        Reply done = call(who, "caseworker: complete a task", "POST", "/api/tasks/" + taskId + "/complete", form);
        sent.add((done.status == 204 ? "task," : done.status < 0 ? "task-unanswered," : "task-refused,") + taskId + ","
                + caseId);
    }

    void coordinator(int user, int n) {
        String who = COORDINATORS.get(user % COORDINATORS.size());
        call(who, "coordinator: dashboard", "GET", "/api/statistics", null);
        call(who, "coordinator: deadlines", "GET", "/api/deadlines?scope=association&days=30", null);
        if (exportEvery > 0 && n % exportEvery == exportEvery - 1) {
            Reply export = call(who, "coordinator: start an export", "POST", "/api/exports", "{}");
            if (export.status == 202) {
                sent.add("export," + export.json().get("id").asText() + "," + who);
            } else if (export.status < 0) {
                sent.add("export-unanswered,," + who);
            }
        }
    }

    void lawyer(int user) {
        call(LAWYERS.get(user % LAWYERS.size()), "lawyer: inbox", "GET", "/api/lawyer/inbox", null);
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One request, timed and recorded under its kind; status -1 when no answer came. */
    Reply call(String user, String kind, String method, String path, String body) {
        int first = Math.floorMod(nextUrl.getAndIncrement(), urls.size());
        long start = System.nanoTime();
        Reply reply = null;
        String failure = null;
        for (int attempt = 0; attempt < urls.size() && reply == null; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(urls.get((first + attempt) % urls.size()) + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + tokens.get(user))
                    .header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                reply = new Reply(response.statusCode(), response.body());
            } catch (ConnectException e) {
                failure = e.toString();
                failovers.incrementAndGet();
            } catch (IOException e) {
                failure = e.toString();
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e.toString();
                break;
            }
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (reply == null) {
            reply = new Reply(-1, "");
        }
        boolean error = reply.status < 0 || reply.status >= 400;
        Phase current = phase;
        if (current.recorded) {
            current.samples
                    .computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>())
                    .add(error ? -ms : ms);
            if (error) {
                String what = failure != null ? failure : reply.body.substring(0, Math.min(200, reply.body.length()));
                errors.add(Instant.now().toEpochMilli() + "," + kind + "," + reply.status + ","
                        + what.replaceAll("[\\r\\n,]+", " "));
            }
        }
        return reply;
    }

    List<String> summary(Phase phase) {
        double elapsed = (phase.endNanos - phase.startNanos) / 1e9;
        List<String> lines = new ArrayList<>();
        lines.add("%s, %.0f s:".formatted(phase.name, elapsed));
        lines.add("%-32s %9s %7s %8s %9s %9s %9s %9s"
                .formatted("kind", "requests", "errors", "error %", "p50 ms", "p95 ms", "p99 ms", "req/s"));
        long total = 0;
        long totalErrors = 0;
        for (var entry : new TreeMap<>(phase.samples).entrySet()) {
            double[] all =
                    entry.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            double[] ok = Arrays.stream(all).filter(v -> v >= 0).sorted().toArray();
            long errorCount = all.length - ok.length;
            total += all.length;
            totalErrors += errorCount;
            lines.add("%-32s %9d %7d %7.2f%% %9.1f %9.1f %9.1f %9.1f"
                    .formatted(
                            entry.getKey(),
                            all.length,
                            errorCount,
                            100.0 * errorCount / all.length,
                            percentile(ok, 50),
                            percentile(ok, 95),
                            percentile(ok, 99),
                            all.length / elapsed));
        }
        lines.add("%-32s %9d %7d %7.2f%% %9s %9s %9s %9.1f"
                .formatted(
                        "all",
                        total,
                        totalErrors,
                        100.0 * totalErrors / Math.max(1, total),
                        "",
                        "",
                        "",
                        total / elapsed));
        lines.add("(latencies of the answered requests without error)");
        return lines;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    void login() {
        for (String user : concat(CASEWORKERS, COORDINATORS, LAWYERS)) {
            tokens.put(
                    user, KeycloakLogin.accessToken(issuer, "passerelle-web", "http://localhost:8080/", user, "demo"));
        }
    }

    void loginQuietly() {
        try {
            login();
        } catch (RuntimeException e) {
            errors.add(
                    Instant.now().toEpochMilli() + ",login,-1," + e.toString().replaceAll("[\\r\\n,]+", " "));
        }
    }

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    static String env(String name, String otherwise) {
        String value = System.getenv("PASSERELLE_LOAD_" + name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
