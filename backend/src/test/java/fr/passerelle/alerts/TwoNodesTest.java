package fr.passerelle.alerts;

import static fr.passerelle.alerts.ReminderOutboxTest.PARIS;
import static fr.passerelle.alerts.ReminderOutboxTest.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.passerelle.PasserelleApplication;
import fr.passerelle.support.Associations;
import fr.passerelle.support.RealKeycloakTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox with more than one node: a second instance of the whole service (its own Spring
 * context, engine and connection pool) on the same database, as Camunda's homogeneous cluster
 * runs. Two nodes dispatching at the same moment send each reminder once; a reminder that fell
 * due while no node ran is sent once by the node that starts afterwards.
 */
@RealKeycloakTest
class TwoNodesTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService engineTasks;

    @Autowired
    RepositoryService repository;

    @Autowired
    ReminderDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, "accueil-lyon", "droits-marseille", "solidarite-lille");
        AlertCases.deploy(repository);
        Outbox.quiet(jdbc);
        clock(LocalDateTime.of(2026, 3, 2, 9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void twoNodesDispatchingAtOnceSendEachReminderOnce() throws Exception {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID caseId = AlertCases.open(jdbc, runtime, "CONTENTIOUS_APPEAL", "2026-03-02", "nobody");
            tasks.add(engineTasks
                    .createTaskQuery()
                    .processInstanceBusinessKey(caseId.toString())
                    .singleResult()
                    .getId());
        }
        LocalDate lastDay = engineTasks
                .createTaskQuery()
                .taskId(tasks.get(0))
                .singleResult()
                .getDueDate()
                .toInstant()
                .atZone(PARIS)
                .toLocalDate();
        try (ConfigurableApplicationContext second = startNode("node2")) {
            ReminderDispatcher other = second.getBean(ReminderDispatcher.class);
            clock(lastDay.minusDays(7).atTime(8, 0));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> first = nodes.submit(() -> {
                    start.await();
                    return dispatcher.dispatchDue();
                });
                Future<Integer> then = nodes.submit(() -> {
                    start.await();
                    return other.dispatchDue();
                });
                start.countDown();
                int one = first.get();
                int two = then.get();
                assertThat(one + two).isEqualTo(12);
                System.out.printf("two nodes: %d and %d reminders%n", one, two);
            } finally {
                nodes.shutdownNow();
            }
            assertThat(dispatcher.dispatchDue() + other.dispatchDue()).isZero();
        }
        var references = Arrays.stream(smtp.getReceivedMessages())
                .map(ReminderOutboxTest::reference)
                .toList();
        assertThat(references)
                .hasSize(12)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(tasks.stream()
                        .map(t -> Outbox.reference(jdbc, t, "P7D"))
                        .toList());
    }

    @Test
    void aReminderDueWhileNoNodeRanIsSentOnceByTheNodeThatStartsAfterwards() throws Exception {
        UUID caseId = AlertCases.open(jdbc, runtime, "CONTENTIOUS_APPEAL", "2026-03-02", "nobody");
        String task = engineTasks
                .createTaskQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult()
                .getId();
        LocalDate lastDay = engineTasks
                .createTaskQuery()
                .taskId(task)
                .singleResult()
                .getDueDate()
                .toInstant()
                .atZone(PARIS)
                .toLocalDate();
        // down from before the 7-day reminder until after the 2-day one
        clock(lastDay.minusDays(1).atTime(10, 0));
        try (ConfigurableApplicationContext restarted = startNode("restarted")) {
            ReminderDispatcher node = restarted.getBean(ReminderDispatcher.class);
            assertThat(node.dispatchDue())
                    .as("the latest missed reminder, once")
                    .isEqualTo(1);
            assertThat(node.dispatchDue()).isZero();
        }
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(ReminderOutboxTest.reference(ReminderOutboxTest.single(smtp.getReceivedMessages())))
                .isEqualTo(Outbox.reference(jdbc, task, "P2D"));
        assertThat(Outbox.rows(jdbc, task))
                .extracting(row -> row.get("threshold") + "@" + row.get("status"))
                .containsExactly("P7D@CANCELLED", "P2D@SENT", "DAY@PENDING");
    }

    /** Another node of the service on the same database, its job executor and schedule off like this one's. */
    static ConfigurableApplicationContext startNode(String name) {
        return new SpringApplicationBuilder(PasserelleApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--camunda.bpm.process-engine-name=" + name,
                        "--passerelle.security.issuer=" + RealKeycloakTest.ISSUER,
                        "--passerelle.security.audience=passerelle-api",
                        "--passerelle.keycloak-admin.client-secret=" + RealKeycloakTest.DEMO_ADMIN_API_SECRET,
                        "--spring.main.banner-mode=off");
    }
}
