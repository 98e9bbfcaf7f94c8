package fr.passerelle.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.PasserelleApplication;
import fr.passerelle.security.KeycloakLogin;
import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.support.Associations;
import fr.passerelle.support.RealKeycloakTest;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Three nodes of the service on one PostgreSQL database, as Camunda's homogeneous cluster runs
 * them (jobExecutorDeploymentAware false): this test's shared context (node A, HTTP only, job
 * executor off) and two more started here, B and C, each a whole service with its own engine,
 * connection pool, HTTP port and job executor on. Real tokens from the demo realm's Keycloak.
 *
 * <p>B and C acquire only jobs of priority 1000 and more (the test process's, and the export
 * job this test hands them), so that they leave alone the jobs other test classes left in the
 * shared test database; their lock time is short, so a dead node's lock expires within the test.
 */
@RealKeycloakTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
    static final String LYON = "accueil-lyon";
    static final String TIMERS_KEY = "clusterTimers";
    static final int TIMERS = Integer.parseInt(System.getenv().getOrDefault("PASSERELLE_CLUSTER_TIMERS", "10000"));
    static final long PRIORITY = 1000;
    static final Duration LOCK_TIME = Duration.ofSeconds(20);
    static final Duration PATIENCE = Duration.ofMinutes(8);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    ManagementService management;

    @Autowired
    PlatformTransactionManager transactions;

    ConfigurableApplicationContext nodeB;
    ConfigurableApplicationContext nodeC;

    @BeforeAll
    void startTwoMoreNodes() {
        Associations.ensure(jdbc, LYON, "droits-marseille", "solidarite-lille");
        nodeB = startNode("node-b");
        nodeC = startNode("node-c");
        for (ConfigurableApplicationContext node : List.of(nodeB, nodeC)) {
            ProcessEngineConfigurationImpl configuration = configuration(node);
            assertThat(configuration.getJobExecutor().isActive())
                    .as("job executor of " + configuration.getProcessEngineName())
                    .isTrue();
            assertThat(configuration.isJobExecutorDeploymentAware()).isFalse();
            assertThat(configuration.isJobExecutorAcquireByPriority()).isTrue();
            assertThat(configuration.getJobExecutorPriorityRangeMin()).isEqualTo(PRIORITY);
        }
    }

    @AfterAll
    void stopThem() {
        ClockUtil.reset();
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeC}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void tenThousandTimersDueAtOnceFireExactlyOnceEachAcrossTwoNodes() throws Exception {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS public.cluster_firings (
                    business_key text NOT NULL, node text NOT NULL, fired_at timestamptz NOT NULL DEFAULT now())""");
        jdbc.update("DELETE FROM public.cluster_firings");
        repository
                .createDeployment()
                .name("cluster test")
                .addModelInstance("cluster-timers.bpmn", timersProcess())
                .deploy();

        // all due at the same instant, an hour from now: none fires while they are being started
        Date due = new Date(
                ClockUtil.getCurrentTime().getTime() + Duration.ofHours(1).toMillis());
        ExecutorService starters = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                started.add(starters.submit(() ->
                        Tenancy.runAs(new CurrentAssociation(LYON, Set.of(Role.COORDINATOR)), () -> {
                            for (int i = first; i < TIMERS; i += 4) {
                                runtime.startProcessInstanceByKey(TIMERS_KEY, "timer-" + i, Map.of("due", due));
                            }
                            return null;
                        })));
            }
            for (Future<?> f : started) {
                f.get();
            }
        } finally {
            starters.shutdownNow();
        }
        assertThat(timerJobs()).isEqualTo(TIMERS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public.cluster_firings", Long.class))
                .isZero();

        long start = System.nanoTime();
        ClockUtil.setCurrentTime(new Date(due.getTime() + Duration.ofMinutes(1).toMillis()));
        try {
            await("every timer fired", () -> timerJobs() == 0 && firings() >= TIMERS);
        } finally {
            ClockUtil.reset();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(firings()).as("firings").isEqualTo(TIMERS);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT business_key) FROM public.cluster_firings", Long.class))
                .as("instances fired")
                .isEqualTo(TIMERS);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(TIMERS_KEY)
                        .count())
                .as("instances still waiting")
                .isZero();
        assertThat(runtime.createIncidentQuery()
                        .processDefinitionKeyIn(TIMERS_KEY)
                        .count())
                .isZero();
        Map<String, Long> byNode = new java.util.TreeMap<>();
        jdbc.query("SELECT node, count(*) AS n FROM public.cluster_firings GROUP BY node", rs -> {
            String owner = rs.getString("node");
            byNode.put(
                    owner.equals(lockOwner(nodeB)) ? "node B" : owner.equals(lockOwner(nodeC)) ? "node C" : owner,
                    rs.getLong("n"));
        });
        assertThat(byNode).as("both nodes fire timers").containsOnlyKeys("node B", "node C");
        System.out.printf("cluster: %,d timers fired once each in %.1f s by two nodes: %s%n", TIMERS, seconds, byNode);
    }

    @Test
    @Order(2)
    void aTaskStartedThroughOneNodeIsCompletedThroughAnother() {
        String token = login("ines.lyon");
        Api a = Api.at(port).as(token);
        Api b = Api.at(portOf(nodeB)).as(token);

        var opened = a.post("/api/cases", """
                {"applicantName": "Nadia Kaci", "ground": "L435-1", "department": "69"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.json().get("id").asText();
        JsonNode first = a.get("/api/cases/" + caseId + "/tasks").json().get(0);
        assertThat(first.get("taskKey").asText()).isEqualTo("prepareCase");
        String task = first.get("id").asText();

        var done = b.post("/api/tasks/" + task + "/complete", """
                {"ground": "L435-1", "evidenceGathered": true, "personalStatementWritten": true, "proceedWithApplication": true}""");
        assertThat(done.status()).as(done.toString()).isEqualTo(204);

        JsonNode then = a.get("/api/cases/" + caseId + "/tasks").json();
        assertThat(then.findValuesAsText("taskKey"))
                .contains("recordBookingAttempt")
                .doesNotContain("prepareCase");
        var again = a.post("/api/tasks/" + task + "/complete", """
                {"ground": "L435-1", "evidenceGathered": true, "personalStatementWritten": true, "proceedWithApplication": true}""");
        assertThat(again.status())
                .as("completed once, on the other node: " + again)
                .isIn(404, 409);
        assertThat(Api.at(portOf(nodeC)).as(token).get("/api/tasks").body()).doesNotContain(task);
    }

    @Test
    @Order(3)
    void anExportWhoseNodeDiedWhileWritingItIsFinishedByAnother() throws Exception {
        String coordinator = login("claire.coord");
        var started = Api.at(port).as(coordinator).post("/api/exports", "{}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String exportId = started.json().get("id").asText();
        String jobId = inLyon("SELECT engine_job_id FROM app.export_jobs WHERE id = ?::uuid", exportId);

        // Node B took the job and began writing the workbook, then died (kill -9). What a dead
        // node leaves in the database: the job locked in its name until its lock expires (its
        // transaction never committed), and the export marked RUNNING by its own transaction.
        // (Written here rather than by B itself: a node of this JVM cannot be killed mid-job;
        // infra/fault-test.sh kills a real node with kill -9 under load.)
        String deadOwner = lockOwner(nodeB);
        nodeB.close();
        Timestamp expires = new Timestamp(System.currentTimeMillis() + LOCK_TIME.toMillis());
        assertThat(jdbc.update(
                        "UPDATE public.act_ru_job SET lock_owner_ = ?, lock_exp_time_ = ?, priority_ = ?"
                                + " WHERE id_ = ? AND lock_owner_ IS NULL",
                        deadOwner,
                        expires,
                        PRIORITY,
                        jobId))
                .as("the export's job, still waiting")
                .isEqualTo(1);
        inLyon(
                "UPDATE app.export_jobs SET status = 'RUNNING', started_at = now(), rows_total = 1, rows_done = 0"
                        + " WHERE id = ?::uuid RETURNING status",
                exportId);

        Api coordinatorOnC = Api.at(portOf(nodeC)).as(coordinator);
        assertThat(coordinatorOnC
                        .get("/api/exports/" + exportId)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("RUNNING");
        await(
                "the export finished by node C",
                () -> "DONE"
                        .equals(coordinatorOnC
                                .get("/api/exports/" + exportId)
                                .json()
                                .get("status")
                                .asText()));
        assertThat(inLyon("SELECT (finished_at >= ?)::text FROM app.export_jobs WHERE id = ?::uuid", expires, exportId))
                .as("finished after the dead node's lock expired, not before")
                .isEqualTo("true");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public.act_ru_job WHERE id_ = ?", Long.class, jobId))
                .isZero();
        var file = coordinatorOnC.download("/api/exports/" + exportId + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII))
                .as("an xlsx (zip) file")
                .isEqualTo("PK");
    }

    /** A statement in the association's row-level security scope, in a transaction of its own; the first column of its one row. */
    private String inLyon(String sql, Object... args) {
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.queryForObject("SELECT set_config('passerelle.tenant_id', ?, true)", String.class, LYON);
            return jdbc.queryForObject(sql, String.class, args);
        });
    }

    private long timerJobs() {
        return management.createJobQuery().processDefinitionKey(TIMERS_KEY).count();
    }

    private long firings() {
        return jdbc.queryForObject("SELECT count(*) FROM public.cluster_firings", Long.class);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + PATIENCE).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** Start, wait at a timer whose date is the variable "due", then record the firing; jobs of priority 1000. */
    static BpmnModelInstance timersProcess() {
        return Bpmn.createExecutableProcess(TIMERS_KEY)
                .camundaHistoryTimeToLive(1)
                .camundaJobPriority(String.valueOf(PRIORITY))
                .startEvent()
                .intermediateCatchEvent("due")
                .timerWithDate("${due}")
                .serviceTask("fire")
                .camundaClass(RecordFiring.class)
                .endEvent()
                .done();
    }

    private static String login(String username) {
        return KeycloakLogin.accessToken(
                RealKeycloakTest.ISSUER, RealKeycloakTest.CLIENT, RealKeycloakTest.REDIRECT, username, "demo");
    }

    private static int portOf(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static String lockOwner(ConfigurableApplicationContext node) {
        return configuration(node).getJobExecutor().getLockOwner();
    }

    private static ProcessEngineConfigurationImpl configuration(ConfigurableApplicationContext node) {
        return (ProcessEngineConfigurationImpl)
                node.getBean(ProcessEngine.class).getProcessEngineConfiguration();
    }

    /** Another whole node of the service on the same database, its job executor on. */
    static ConfigurableApplicationContext startNode(String name) {
        return new SpringApplicationBuilder(PasserelleApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--camunda.bpm.process-engine-name=" + name,
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
                        "--camunda.bpm.job-execution.max-wait=2000",
                        // the range applies only to acquisition by priority
                        "--camunda.bpm.generic-properties.properties.jobExecutorAcquireByPriority=true",
                        "--camunda.bpm.generic-properties.properties.jobExecutorPriorityRangeMin=" + PRIORITY,
                        "--passerelle.security.issuer=" + RealKeycloakTest.ISSUER,
                        "--passerelle.security.audience=passerelle-api",
                        "--passerelle.keycloak-admin.client-secret=" + RealKeycloakTest.DEMO_ADMIN_API_SECRET,
                        "--spring.main.banner-mode=off");
    }
}
