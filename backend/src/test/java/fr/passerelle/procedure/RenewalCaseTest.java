package fr.passerelle.procedure;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18 item 14: the renewal filed through the API ({@code applyForRenewal}, form {@code case-renewal-filed})
 * opens a renewal case that starts where the renewal is, at its filing: nothing of the preparation, the
 * appointment or the filing asked again; the récépissé followed from its dates (R431-12 CESEDA) or, online and
 * not issued yet, obtained by the card's end (R431-15-1); the implicit refusal 4 months after the renewal's
 * filing (R432-1, R432-2). The case renewed closes as {@code RENEWED}, its outcome kept. The grant and the
 * renewal window before it are {@link WholeCaseTest}'s: here the case is moved to the renewal task.
 */
@ApiTest
class RenewalCaseTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    Api caseworker;

    @BeforeEach
    void signIn() {
        Associations.ensure(jdbc, ALPHA);
        caseworker = Api.at(port)
                .as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRenewalFiledAtThePrefectureStartsTheRenewalCaseAtItsFilingWithItsRecepisseAndItsDecision() {
        now("2027-09-20T10:00");
        String previous = grantedCaseAtTheRenewal("L423-23", "2027-11-19");

        // a récépissé ending before it was issued is refused, naming the field, and nothing is opened
        var refused = caseworker.post("/api/tasks/" + taskId(previous, "applyForRenewal") + "/complete", """
                {"renewalFiledDate": "2027-09-20", "renewalChannel": "PREFECTURE",
                 "renewalReceiptIssuedDate": "2027-09-20", "renewalReceiptValidUntil": "2027-09-01"}""");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.toString()).contains("renewalReceiptValidUntil");
        assertThat(renewalOf(previous)).isNull();

        complete(previous, "applyForRenewal", """
                {"renewalFiledDate": "2027-09-20", "renewalChannel": "PREFECTURE",
                 "renewalReceiptIssuedDate": "2027-09-20", "renewalReceiptValidUntil": "2027-12-19"}""");

        JsonNode old = caseworker.get("/api/cases/" + previous).json();
        assertThat(old.get("status").asText()).isEqualTo("CLOSED");
        assertThat(old.get("progress").get("closedReason").asText()).isEqualTo("RENEWED");
        assertThat(old.get("progress").get("outcome").asText())
                .as("outcome kept")
                .isEqualTo("GRANTED");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(previous)
                        .count())
                .isZero();

        String renewal = renewalOf(previous);
        assertThat(renewal).as("the renewal case").isNotNull();
        JsonNode opened = caseworker.get("/api/cases/" + renewal).json();
        assertThat(opened.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(opened.get("filedOn").asText()).isEqualTo("2027-09-20");
        assertThat(opened.get("receiptExpiresOn").asText()).isEqualTo("2027-12-19");
        assertThat(opened.get("progress").get("step").asText()).isEqualTo("decision");
        assertThat(taskKeys(renewal))
                .as("nothing to prepare, book or file: the récépissé and the decision are awaited")
                .isEmpty();

        // the récépissé's renewal is asked 15 days before its end (Saturday 4 December: Friday 3)
        now("2027-12-03T08:00");
        fireDueTimers(renewal);
        assertThat(taskKeys(renewal)).containsExactly("renewReceipt");
        assertThat(due(renewal, "renewReceipt")).isEqualTo(endOfDay("2027-12-03"));

        // 4 months after the renewal's filing, silence is an implicit refusal: the strategy is to be chosen
        now("2028-01-19T23:00");
        fireDueTimers(renewal);
        assertThat(taskKeys(renewal)).doesNotContain("chooseAppealStrategy");
        now("2028-01-20T08:00");
        fireDueTimers(renewal);
        assertThat(taskKeys(renewal)).contains("chooseAppealStrategy", "renewReceipt");
        JsonNode refusal = caseworker.get("/api/cases/" + renewal).json();
        assertThat(refusal.get("progress").get("outcome").asText()).isEqualTo("IMPLICIT_REFUSAL");
        assertThat(refusal.get("progress").get("outcomeOn").asText()).isEqualTo("2028-01-20");
    }

    @Test
    void aRenewalFiledOnlineWithNoAttestationYetAsksForItByTheCardsEnd() {
        now("2027-07-23T10:00");
        String previous = grantedCaseAtTheRenewal("L423-23", "2027-11-19");
        complete(previous, "applyForRenewal", """
                {"renewalFiledDate": "2027-07-22", "renewalChannel": "ANEF"}""");

        String renewal = renewalOf(previous);
        assertThat(taskKeys(renewal)).containsExactly("obtainRenewalDocument");
        assertThat(due(renewal, "obtainRenewalDocument"))
                .isEqualTo(LocalDate.parse("2027-11-19").atStartOfDay(PARIS).toInstant());
        now("2027-11-12T10:00");
        complete(renewal, "obtainRenewalDocument", """
                {"receiptType": "EXTENSION_ATTESTATION", "receiptIssuedDate": "2027-11-10",
                 "receiptValidUntil": "2028-02-18"}""");
        assertThat(taskKeys(renewal)).isEmpty();
        assertThat(caseworker
                        .get("/api/cases/" + renewal)
                        .json()
                        .get("receiptExpiresOn")
                        .asText())
                .isEqualTo("2028-02-18");
    }

    /**
     * A case opened through the API, then moved to the renewal task as a grant with its card collected would
     * leave it (the card's end and its window's rules set; WholeCaseTest runs the whole way there).
     */
    private String grantedCaseAtTheRenewal(String ground, String cardValidUntil) {
        var opened = caseworker.post("/api/cases", """
                {"applicantName": "Awa Traoré", "ground": "%s", "department": "69"}""".formatted(ground));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.json().get("id").asText();
        String main = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey("regularisation")
                .singleResult()
                .getId();
        runtime.setVariables(
                main,
                Map.of(
                        "decisionOutcome", "GRANTED",
                        "decisionNotifiedDate", "2026-11-10",
                        "cardCollectedDate", "2026-11-20",
                        "cardValidUntil", cardValidUntil,
                        "renewalOpensRule", "RENEWAL_PREFECTURE_OPENS",
                        "renewalClosesRule", "RENEWAL_PREFECTURE_CLOSES"));
        runtime.createProcessInstanceModification(main)
                .startBeforeActivity("applyForRenewal")
                .cancelAllForActivity("prepareCase")
                .execute();
        assertThat(taskKeys(caseId)).containsExactly("applyForRenewal");
        return caseId;
    }

    /** The case renewing {@code caseId}, among its applicant's cases, or null. */
    private String renewalOf(String caseId) {
        String applicant =
                caseworker.get("/api/cases/" + caseId).json().get("applicantId").asText();
        List<String> found = new ArrayList<>();
        caseworker
                .get("/api/cases?applicantId=" + applicant)
                .json()
                .get("content")
                .forEach(other -> {
                    if (caseId.equals(other.path("renewalOf").asText())) {
                        found.add(other.get("id").asText());
                    }
                });
        assertThat(found).as("one renewal case at most").hasSizeLessThan(2);
        return found.isEmpty() ? null : found.get(0);
    }

    private void now(String parisDateTime) {
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.parse(parisDateTime).atZone(PARIS).toInstant()));
    }

    /** What the job executor does in production: runs the case's timers that are due. */
    private void fireDueTimers(String caseId) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = new ArrayList<>();
            runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseId)
                    .list()
                    .forEach(instance -> due.addAll(management
                            .createJobQuery()
                            .processInstanceId(instance.getId())
                            .executable()
                            .list()));
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private JsonNode openTasks(String caseId) {
        var response = caseworker.get("/api/cases/" + caseId + "/tasks");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private List<String> taskKeys(String caseId) {
        return openTasks(caseId).findValuesAsText("taskKey");
    }

    private String taskId(String caseId, String key) {
        List<String> ids = new ArrayList<>();
        openTasks(caseId).forEach(task -> {
            if (key.equals(task.get("taskKey").asText())) {
                ids.add(task.get("id").asText());
            }
        });
        assertThat(ids).as("open task " + key + " among " + taskKeys(caseId)).hasSize(1);
        return ids.get(0);
    }

    private void complete(String caseId, String key, String json) {
        var response = caseworker.post("/api/tasks/" + taskId(caseId, key) + "/complete", json);
        assertThat(response.status()).as(key + ": " + response).isEqualTo(204);
    }

    private Instant due(String caseId, String key) {
        JsonNode task = caseworker.get("/api/tasks/" + taskId(caseId, key)).json();
        return Instant.parse(task.get("due").asText());
    }

    private static Instant endOfDay(String date) {
        return LocalDate.parse(date).plusDays(1).atStartOfDay(PARIS).toInstant().minusSeconds(1);
    }
}
