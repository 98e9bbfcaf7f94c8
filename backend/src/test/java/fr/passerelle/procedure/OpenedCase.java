package fr.passerelle.procedure;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.Api;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Awa Traoré's case, opened by a caseworker of {@link Associations#ALPHA} on Monday 2 March 2026 at
 * 09:00 (the engine's clock is set there), and the steps that take it to its filing that day.
 */
record OpenedCase(Api caseworker, String caseId) {
    static OpenedCase open(int port, JdbcTemplate jdbc) {
        return open(port, jdbc, "69");
    }

    /** The same case, opened in {@code department}. */
    static OpenedCase open(int port, JdbcTemplate jdbc, String department) {
        Associations.ensure(jdbc, ALPHA);
        Api caseworker = Api.at(port)
                .as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 3, 2, 9, 0)
                .atZone(ZoneId.of("Europe/Paris"))
                .toInstant()));
        var opened = caseworker.post("/api/cases", """
                {"applicantName": "Awa Traoré", "ground": "L435-1", "department": "%s"}""".formatted(department));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return new OpenedCase(caseworker, opened.json().get("id").asText());
    }

    void complete(TaskService tasks, String key, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("open task " + key).isNotNull();
        tasks.complete(task.getId(), variables);
    }

    /** Triage, a slot at the counter, the appointment held, the complete file filed: all on 2 March. */
    void fileOn2March(TaskService tasks, RuntimeService runtime, ManagementService management) {
        complete(tasks, "prepareCase", Map.of("ground", "L435-1", "proceedWithApplication", true));
        complete(
                tasks,
                "recordBookingAttempt",
                Map.of(
                        "attemptAt",
                        "2026-03-02T09:00",
                        "attemptChannel",
                        "COUNTER",
                        "attemptResult",
                        "SLOT_OBTAINED",
                        "appointmentDate",
                        "2026-03-02"));
        complete(tasks, "prepareAppointment", Map.of());
        management
                .createJobQuery()
                .processInstanceId(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .processDefinitionKey("appointment")
                        .singleResult()
                        .getId())
                .list()
                .forEach(job -> management.executeJob(job.getId()));
        complete(tasks, "attendAppointment", Map.of("appointmentOutcome", "HELD"));
        complete(tasks, "recordFiling", Map.of("filingDate", "2026-03-02", "feePaid", true, "fileComplete", true));
    }
}
