package fr.passerelle.procedure;

import static fr.passerelle.support.Associations.group;

import fr.passerelle.security.Role;
import fr.passerelle.security.SignedIn;
import fr.passerelle.support.Api;
import fr.passerelle.support.TestTokens;
import fr.passerelle.support.TestTokensInitializer;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.util.MultiValueMap;

/**
 * The task lists against Camunda's own task query, on a generated caseload
 * (infra/generate-data.sh): p50 and p95 latency of the first page of a caseworker's list
 * (mine and my groups', soonest deadline first) and of a coordinator's filtered lists, in the
 * largest association and in a median one. Each view three ways: through the HTTP API (token
 * check, JSON and all); the read model's query in-process; Camunda's task query in-process
 * with the same user's authentication (candidate groups and tenant ids). Run by
 * infra/benchmark.sh, never by the test command.
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
class TaskListBenchmark {
    private static final int RUNS = Integer.getInteger("passerelle.bench.runs", 300);
    private static final int WARM_UP_SECONDS = 30;
    private static final int PAGE = 20;
    private static final double TARGET_P95_MS = 50;
    private static final double TARGET_SPEEDUP = 5;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskList taskList;

    private final List<String> report = new ArrayList<>();

    /** One view of a task list, as one user asks for it. */
    record View(
            String name,
            String association,
            String userId,
            Role role,
            Map<String, String> parameters,
            UnaryOperator<TaskQuery> camundaFilter) {}

    /** A page's deadlines in order: ties on a deadline may be broken differently by the two queries. */
    record Page(List<String> ids, List<Instant> dues) {}

    @Test
    void taskListsAgainstCamundasTaskQuery() throws IOException {
        long open = jdbc.queryForObject("SELECT count(*) FROM public.act_ru_task", Long.class);
        List<String> bySize = jdbc.queryForList("""
                SELECT tenant_id_ FROM public.act_ru_task GROUP BY tenant_id_ ORDER BY count(*) DESC, tenant_id_""", String.class);
        Instant now = Instant.now();
        List<View> views = new ArrayList<>();
        for (String association : List.of(bySize.get(0), bySize.get(bySize.size() / 2))) {
            long size = jdbc.queryForObject(
                    "SELECT count(*) FROM public.act_ru_task WHERE tenant_id_ = ?", Long.class, association);
            String of = ", " + association + " (" + size + " tasks)";
            String caseworker = busiestCaseworker(association);
            views.add(new View(
                    "caseworker, mine and my groups'" + of,
                    association,
                    caseworker,
                    Role.CASEWORKER,
                    Map.of(),
                    query -> query.or()
                            .taskAssignee(caseworker)
                            .taskCandidateGroupIn(List.of(Role.CASEWORKER.groupName()))
                            .endOr()));
            String lawyer = busiestLawyer(association);
            views.add(new View(
                    "lawyer, mine and offered to me" + of,
                    association,
                    lawyer,
                    Role.LAWYER,
                    Map.of(),
                    query -> query.processDefinitionKey(TaskList.LAWYERS_STEP)
                            .or()
                            .taskAssignee(lawyer)
                            .taskCandidateUser(lawyer)
                            .endOr()));
            views.add(new View(
                    "coordinator, one prefecture (not the association's own)" + of,
                    association,
                    "coord-" + association,
                    Role.COORDINATOR,
                    Map.of("scope", "association", "prefecture", otherPrefecture(association)),
                    null));
            views.add(new View(
                    "coordinator, overdue" + of,
                    association,
                    "coord-" + association,
                    Role.COORDINATOR,
                    Map.of("scope", "association", "overdue", "true"),
                    query -> query.dueBefore(Date.from(now))));
            views.add(new View(
                    "coordinator, receipt step, due in 30 days" + of,
                    association,
                    "coord-" + association,
                    Role.COORDINATOR,
                    Map.of("scope", "association", "step", "receipt", "dueWithinDays", "30"),
                    query ->
                            query.processDefinitionKey("receipt").dueBefore(Date.from(now.plus(Duration.ofDays(30))))));
        }
        line("Task lists on %,d open tasks in %d associations: first page of %d, %d runs each after %d s of warm-up"
                .formatted(open, bySize.size(), PAGE, RUNS, WARM_UP_SECONDS));
        line("%-58s %15s %15s %15s %9s %9s"
                .formatted("view (p50 / p95, ms)", "HTTP API", "read model", "Camunda query", "model/Cam", "API/Cam"));
        List<Measured> measured = views.stream().map(Measured::new).toList();
        long warmUpEnd = System.nanoTime() + Duration.ofSeconds(WARM_UP_SECONDS).toNanos();
        while (System.nanoTime() < warmUpEnd) {
            measured.forEach(Measured::callAll);
        }
        List<String> agreement = new ArrayList<>();
        for (Measured view : measured) {
            double[] api = time(view.api);
            double[] model = time(view.model);
            if (view.camunda == null) {
                line("%-58s %15s %15s %15s %9s %9s%s"
                        .formatted(
                                view.view.name(),
                                pair(api),
                                pair(model),
                                "n/a",
                                "",
                                "",
                                verdict(percentile(api, 95), Double.NaN)));
            } else {
                double[] camunda = time(view.camunda);
                double camundaP95 = percentile(camunda, 95);
                line("%-58s %15s %15s %15s %8.1fx %8.1fx%s"
                        .formatted(
                                view.view.name(),
                                pair(api),
                                pair(model),
                                pair(camunda),
                                camundaP95 / percentile(model, 95),
                                camundaP95 / percentile(api, 95),
                                verdict(percentile(api, 95), camundaP95 / percentile(api, 95))));
            }
            agreement.add(view.agreement());
        }
        line("");
        line("Targets: HTTP API p95 under %.0f ms; at least %.0fx faster than Camunda's query (p95)."
                .formatted(TARGET_P95_MS, TARGET_SPEEDUP));
        line("model/Cam compares the two queries in-process; API/Cam puts the whole HTTP request against"
                + " Camunda's bare query.");
        line("");
        agreement.forEach(this::line);
        Path out = Path.of("target", "benchmark", "task-lists.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    /** The three ways of asking for one view. */
    private final class Measured {
        final View view;
        final Supplier<Page> api;
        final Supplier<Page> model;
        final Supplier<Page> camunda;

        Measured(View view) {
            this.view = view;
            Api client = Api.at(port)
                    .in(view.association())
                    .as(TestTokens.user(
                                    view.userId(),
                                    group(view.association(), view.role().groupName()))
                            .subject(view.userId())
                            .expiresIn(Duration.ofHours(3))
                            .token());
            Map<String, String> parameters = new LinkedHashMap<>(view.parameters());
            parameters.put("size", String.valueOf(PAGE));
            String path = "/api/tasks?"
                    + parameters.entrySet().stream()
                            .map(entry ->
                                    entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"));
            TaskListQuery query = TaskListQuery.parse(MultiValueMap.fromSingleValue(parameters));
            CurrentAssociation association = new CurrentAssociation(view.association(), Set.of(view.role()));
            api = () -> {
                var response = client.get(path);
                if (response.status() != 200) {
                    throw new IllegalStateException(path + " -> " + response);
                }
                List<String> ids = new ArrayList<>();
                List<Instant> dues = new ArrayList<>();
                response.json().get("items").forEach(item -> {
                    ids.add(item.get("id").asText());
                    dues.add(item.has("due") ? Instant.parse(item.get("due").asText()) : null);
                });
                return new Page(ids, dues);
            };
            model = () -> SignedIn.as(
                    view.userId(),
                    view.association(),
                    Set.of(view.role()),
                    () -> Tenancy.runAs(association, () -> {
                        List<TaskList.Item> items = taskList.list(query).items();
                        return new Page(
                                items.stream().map(TaskList.Item::id).toList(),
                                items.stream().map(TaskList.Item::due).toList());
                    }));
            camunda = view.camundaFilter() == null
                    ? null
                    : () -> {
                        identity.setAuthentication(
                                view.userId(), List.of(view.role().groupName()), List.of(view.association()));
                        try {
                            List<Task> page = view.camundaFilter()
                                    .apply(tasks.createTaskQuery())
                                    .orderByDueDate()
                                    .asc()
                                    .listPage(0, PAGE);
                            return new Page(
                                    page.stream().map(Task::getId).toList(),
                                    page.stream()
                                            .map(task -> task.getDueDate() == null
                                                    ? null
                                                    : task.getDueDate().toInstant())
                                            .toList());
                        } finally {
                            identity.clearAuthentication();
                        }
                    };
        }

        void callAll() {
            api.get();
            model.get();
            if (camunda != null) {
                camunda.get();
            }
        }

        String agreement() {
            Page fromApi = api.get();
            Page fromModel = model.get();
            if (camunda == null) {
                return "%s: %s (no Camunda query filters on the case's prefecture)"
                        .formatted(
                                view.name(),
                                fromApi.equals(fromModel) ? "API and read model agree" : "THE PAGES DIFFER");
            }
            Page fromCamunda = camunda.get();
            Set<String> same = new HashSet<>(fromApi.ids());
            same.retainAll(fromCamunda.ids());
            boolean agree = fromApi.dues().equals(fromCamunda.dues()) && fromApi.equals(fromModel);
            return "%s: %s; %d of %d tasks the very same (the others tie on their deadline)"
                    .formatted(
                            view.name(),
                            agree ? "the same deadlines in the same order" : "THE PAGES DIFFER",
                            same.size(),
                            fromApi.ids().size());
        }
    }

    private static String verdict(double apiP95, double speedup) {
        return (apiP95 < TARGET_P95_MS ? "" : "  p95 over target")
                + (Double.isNaN(speedup) || speedup >= TARGET_SPEEDUP
                        ? ""
                        : "  API under " + (int) TARGET_SPEEDUP + "x");
    }

    /** Milliseconds of each of the runs. */
    private static double[] time(Supplier<Page> call) {
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static String pair(double[] millis) {
        return "%6.1f / %6.1f".formatted(percentile(millis, 50), percentile(millis, 95));
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    /** The caseworker with the most tasks assigned in the association: the longest "mine" list. */
    private String busiestCaseworker(String association) {
        return jdbc.queryForObject("""
                SELECT t.assignee_ FROM public.act_ru_task t
                WHERE t.tenant_id_ = ? AND t.assignee_ IS NOT NULL
                  AND EXISTS (SELECT 1 FROM public.act_ru_identitylink l
                              WHERE l.task_id_ = t.id_ AND l.group_id_ = 'caseworker')
                GROUP BY t.assignee_ ORDER BY count(*) DESC, t.assignee_ LIMIT 1""", String.class, association);
    }

    /** The lawyer with the most tasks of the association's contentious appeals. */
    private String busiestLawyer(String association) {
        return jdbc.queryForObject("""
                SELECT who FROM (
                    SELECT t.assignee_ AS who FROM public.act_ru_task t
                    WHERE t.tenant_id_ = ? AND t.proc_def_id_ LIKE 'appeal-contentious:%' AND t.assignee_ IS NOT NULL
                    UNION ALL
                    SELECT l.user_id_ FROM public.act_ru_identitylink l
                    WHERE l.tenant_id_ = ? AND l.type_ = 'candidate' AND l.user_id_ IS NOT NULL) w
                GROUP BY who ORDER BY count(*) DESC, who LIMIT 1""", String.class, association, association);
    }

    /** The second prefecture of the association's cases: a narrow filter, not the most common value. */
    private String otherPrefecture(String association) {
        return Tenancy.runAs(
                        new CurrentAssociation(association, Set.of(Role.COORDINATOR)),
                        () -> jdbc.queryForList("""
                SELECT prefecture FROM app.cases WHERE tenant_id = ? AND prefecture IS NOT NULL
                GROUP BY prefecture ORDER BY count(*) DESC, prefecture LIMIT 2""", String.class, association))
                .stream()
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private void line(String text) {
        System.out.println(text);
        report.add(text);
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
