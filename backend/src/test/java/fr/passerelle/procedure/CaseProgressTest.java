package fr.passerelle.procedure;

import static fr.passerelle.support.Associations.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case follows its procedure: as the engine moves (tasks completed on the engine, case events
 * through the API, the implicit-refusal timer fired by the job executor's command), the case's
 * status, step, outcome and dates are written in the same transaction and shown in the case.
 */
@ApiTest
class CaseProgressTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    OpenedCase awa;
    Api caseworker;
    String caseId;

    @BeforeEach
    void openCase() {
        awa = OpenedCase.open(port, jdbc);
        caseworker = awa.caseworker();
        caseId = awa.caseId();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private void complete(String key, Map<String, Object> variables) {
        awa.complete(tasks, key, variables);
    }

    private JsonNode theCase() {
        var read = caseworker.get("/api/cases/" + caseId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    private List<String> outcomes() {
        return Tenancy.runAs(
                new CurrentAssociation(ALPHA, Set.of(Role.COORDINATOR)),
                () -> jdbc.queryForList(
                        "SELECT outcome || ' ' || outcome_on FROM app.case_outcomes WHERE case_id = ?::uuid ORDER BY id",
                        String.class,
                        caseId));
    }

    private void fileOn2March() {
        complete("prepareCase", Map.of("ground", "L435-1", "proceedWithApplication", true));
        assertThat(theCase().get("status").asText()).isEqualTo("APPOINTMENT");
        assertThat(theCase().get("progress").get("step").asText()).isEqualTo("appointment");
        complete(
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
        assertThat(theCase().get("appointmentOn").asText()).isEqualTo("2026-03-02");
        complete("prepareAppointment", Map.of());
        management
                .createJobQuery()
                .processInstanceId(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .processDefinitionKey("appointment")
                        .singleResult()
                        .getId())
                .list()
                .forEach(job -> management.executeJob(job.getId()));
        complete("attendAppointment", Map.of("appointmentOutcome", "HELD"));
        complete("recordFiling", Map.of("filingDate", "2026-03-02", "feePaid", true, "fileComplete", true));
    }

    @Test
    void aFiledCaseIsUnderReviewThenRefusedOnTheNotifiedDate() {
        JsonNode opened = theCase();
        assertThat(opened.get("status").asText()).isEqualTo("PREPARATION");
        assertThat(opened.get("progress").get("step").asText()).isEqualTo("preparation");

        fileOn2March();
        JsonNode filed = theCase();
        assertThat(filed.get("filedOn").asText()).isEqualTo("2026-03-02");
        assertThat(filed.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(filed.get("progress").get("step").asText()).isEqualTo("decision");
        assertThat(filed.get("progress").has("outcome")).isFalse();

        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2026, 4, 10, 9, 0).atZone(PARIS).toInstant()));
        var refusal = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED", "notificationMode": "HAND", "decisionNotifiedDate": "2026-04-10"}""");
        assertThat(refusal.status()).as(refusal.toString()).isEqualTo(200);
        JsonNode refused = theCase();
        assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("decidedOn").asText()).isEqualTo("2026-04-10");
        assertThat(refused.get("notifiedOn").asText()).isEqualTo("2026-04-10");
        assertThat(refused.get("progress").get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("progress").get("outcomeOn").asText()).isEqualTo("2026-04-10");
        assertThat(outcomes()).containsExactly("REFUSED 2026-04-10");

        complete("chooseAppealStrategy", Map.of("appealStrategy", "GRACIOUS"));
        assertThat(theCase().get("status").asText()).isEqualTo("APPEAL");
        assertThat(theCase().get("progress").get("step").asText()).isEqualTo("appeal-gracious");
    }

    @Test
    void theImplicitRefusalIsRecordedWhenItsTimerFires() {
        fileOn2March();
        // 4 months of silence from 2 March 2026 (R432-1 and R432-2 CESEDA): born on 2 July
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2026, 7, 3, 9, 0).atZone(PARIS).toInstant()));
        String decision = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey("decision")
                .singleResult()
                .getId();
        management
                .createJobQuery()
                .processInstanceId(decision)
                .timers()
                .list()
                .forEach(job -> management.executeJob(job.getId()));
        JsonNode refused = theCase();
        assertThat(refused.get("progress").get("outcome").asText()).isEqualTo("IMPLICIT_REFUSAL");
        assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
        assertThat(outcomes()).hasSize(1).first().asString().startsWith("IMPLICIT_REFUSAL 2026-07-0");
    }

    @Test
    void anApplicationNotPursuedIsWithdrawnAndClosed() {
        complete("prepareCase", Map.of("ground", "L435-1", "proceedWithApplication", false));
        JsonNode closed = theCase();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("progress").get("outcome").asText()).isEqualTo("WITHDRAWN");
        assertThat(closed.get("progress").get("closedOn").asText()).isEqualTo("2026-03-02");
        assertThat(outcomes()).containsExactly("WITHDRAWN 2026-03-02");
    }
}
