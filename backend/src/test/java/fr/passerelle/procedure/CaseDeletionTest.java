package fr.passerelle.procedure;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A coordinator deletes a case at any stage of its procedure: 204, and nothing of it is left
 * running in the engine (process instances, the ones it called included, executions, timers and
 * other jobs, tasks) nor in the task lists' read model.
 */
@ApiTest
class CaseDeletionTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    Api caseworker;
    Api coordinator;
    String caseId;

    /** How far the case goes before it is deleted; each stage goes through the ones before it. */
    enum Stage {
        PREPARATION("prepareCase"),
        APPOINTMENT("recordBookingAttempt"),
        APPOINTMENT_DAY("attendAppointment"),
        FILING("recordFiling"),
        RECEIPT("recordReceipt"),
        DECISION_AWAITED(null),
        IMPLICIT_REFUSAL("requestReasons"),
        GRACIOUS_APPEAL("sendGraciousAppeal");

        final String openTask;

        Stage(String openTask) {
            this.openTask = openTask;
        }
    }

    @BeforeEach
    void callers() {
        Associations.ensure(jdbc, ALPHA);
        caseworker = Api.at(port)
                .as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        coordinator = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void aCaseIsDeletedWithEverythingItHasInTheEngine(Stage stage) {
        now("2026-01-05T09:00");
        var opened = caseworker.post("/api/cases", """
                {"applicantName": "Amina Diallo", "ground": "L435-1", "department": "69"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        caseId = opened.json().get("id").asText();
        steps().stream().limit(stage.ordinal()).forEach(step -> step.accept(null));
        if (stage.openTask != null) {
            assertThat(taskKeys()).as("at " + stage).contains(stage.openTask);
        }
        List<String> instances = instances();
        assertThat(instances).as("instances at " + stage).isNotEmpty();
        if (stage.ordinal() > 0) {
            assertThat(instances).as("a called process runs at " + stage).hasSizeGreaterThan(1);
        }
        assertThat(openTaskRows())
                .as("read model at " + stage)
                .isEqualTo(tasks.createTaskQuery()
                        .processInstanceBusinessKey(caseId)
                        .count());

        assertThat(caseworker.delete("/api/cases/" + caseId).status())
                .as("a caseworker may not")
                .isEqualTo(403);
        assertThat(instances()).as("nothing removed by a refused deletion").hasSameSizeAs(instances);
        var deleted = coordinator.delete("/api/cases/" + caseId);
        assertThat(deleted.status()).as(stage + ": " + deleted).isEqualTo(204);

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .count())
                .isZero();
        for (String instance : instances) {
            assertThat(runtime.createExecutionQuery()
                            .processInstanceId(instance)
                            .count())
                    .as("executions")
                    .isZero();
            assertThat(management.createJobQuery().processInstanceId(instance).count())
                    .as("jobs")
                    .isZero();
        }
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseId).count())
                .as("tasks")
                .isZero();
        assertThat(openTaskRows()).as("task list rows").isZero();
        assertThat(coordinator.get("/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(coordinator.delete("/api/cases/" + caseId).status())
                .as("deleted once")
                .isEqualTo(404);
    }

    /** The procedure step by step, as WholeCaseTest walks it. */
    private List<Consumer<Void>> steps() {
        return List.of(
                x -> complete(caseworker, "prepareCase", """
                        {"ground": "L435-1", "evidenceGathered": true, "personalStatementWritten": true,
                         "proceedWithApplication": true}"""),
                x -> {
                    complete(caseworker, "recordBookingAttempt", """
                            {"attemptAt": "2026-01-05T09:00", "attemptChannel": "PREFECTURE_WEBSITE",
                             "attemptResult": "SLOT_OBTAINED", "appointmentDate": "2026-01-20"}""");
                    complete(caseworker, "prepareAppointment", """
                            {"appointmentChecklist": ["CONVOCATION", "ORIGINALS", "TAX_STAMP"]}""");
                    now("2026-01-20T08:00");
                    fireDueTimers();
                },
                x -> {
                    complete(caseworker, "attendAppointment", """
                            {"appointmentOutcome": "HELD", "appointmentDate": "2026-01-20"}""");
                    assertThat(coordinator
                                    .put("/api/cases/" + caseId + "/filing-override", """
                            {"reason": "Pièces remises au guichet"}""")
                                    .status())
                            .isIn(200, 204);
                },
                x -> complete(caseworker, "recordFiling", """
                        {"filingDate": "2026-01-20", "feePaid": true, "feeAmount": 50, "fileComplete": true}"""),
                x -> complete(caseworker, "recordReceipt", """
                        {"receiptType": "RECEPISSE", "receiptNumber": "R6900123", "receiptIssuedDate": "2026-01-20",
                         "receiptValidUntil": "2026-07-19"}"""),
                x -> {
                    now("2026-05-20T09:00");
                    fireDueTimers();
                },
                x -> {
                    complete(caseworker, "requestReasons", """
                            {"reasonsRequestedDate": "2026-05-20", "reasonsRequestChannel": "REGISTERED_LETTER"}""");
                    complete(coordinator, "chooseAppealStrategy", """
                            {"appealStrategy": "GRACIOUS"}""");
                });
    }

    private long openTaskRows() {
        return Tenancy.runAs(
                new CurrentAssociation(ALPHA, Set.of(Role.COORDINATOR)),
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM app.open_tasks WHERE case_id = ?::uuid", Long.class, caseId));
    }

    private List<String> instances() {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(instance -> instance.getId())
                .toList();
    }

    private void now(String parisDateTime) {
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.parse(parisDateTime).atZone(PARIS).toInstant()));
    }

    private void fireDueTimers() {
        for (int round = 0; round < 10; round++) {
            List<Job> due = new ArrayList<>();
            for (String instance : instances()) {
                due.addAll(management
                        .createJobQuery()
                        .processInstanceId(instance)
                        .executable()
                        .list());
            }
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private List<String> taskKeys() {
        var response = coordinator.get("/api/cases/" + caseId + "/tasks");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().findValuesAsText("taskKey");
    }

    private void complete(Api as, String key, String json) {
        List<String> ids = new ArrayList<>();
        for (JsonNode task : coordinator.get("/api/cases/" + caseId + "/tasks").json()) {
            if (key.equals(task.get("taskKey").asText())) {
                ids.add(task.get("id").asText());
            }
        }
        assertThat(ids).as("open task " + key + " among " + taskKeys()).hasSize(1);
        var response = as.post("/api/tasks/" + ids.get(0) + "/complete", json);
        assertThat(response.status()).as(key + ": " + response).isEqualTo(204);
    }
}
