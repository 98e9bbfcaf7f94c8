package fr.passerelle.cases;

import static fr.passerelle.support.Associations.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.alerts.ApplicantOutbox;
import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.MarkerScan;
import fr.passerelle.support.ParisClock;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 21's retention: the association sets its period; a closed case's applicant is anonymised by the daily job
 * once the clock passes the last contact plus the period, and not a day before; the case stays with its anonymous
 * figures, the statistics do not move, and the person's name, free text and documents are nowhere in the
 * database (the engine's history included).
 */
@ApiTest
class RetentionTest {
    @LocalServerPort
    int port;

    @Autowired
    ApplicantOutbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Retention retention;

    @Value("${spring.datasource.url}")
    String url;

    Api coordinator;
    Api caseworker;

    @BeforeEach
    void callers() {
        Associations.ensure(jdbc, ALPHA);
        Staff staff = new Staff(port);
        coordinator = staff.coordinator;
        caseworker = staff.caseworker;
    }

    @AfterEach
    void resetClock() {
        ParisClock.reset();
    }

    @Test
    void theRetentionIsSetByACoordinatorWithinBounds() {
        assertThat(caseworker
                        .put("/api/association/retention", "{\"months\": 6}")
                        .status())
                .isEqualTo(403);
        var zero = coordinator.put("/api/association/retention", "{\"months\": 0}");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("errors").get("months").asText())
                .contains("1")
                .contains("120");
        assertThat(coordinator
                        .put("/api/association/retention", "{\"months\": 36}")
                        .json()
                        .get("months")
                        .asInt())
                .isEqualTo(36);
        assertThat(caseworker
                        .get("/api/association/retention")
                        .json()
                        .get("months")
                        .asInt())
                .isEqualTo(36);
        assertThat(coordinator.get("/api/audit").json().findValuesAsText("action"))
                .contains("RETENTION_SET");
        coordinator.put("/api/association/retention", "{\"months\": " + Retention.DEFAULT_MONTHS + "}");
    }

    @Test
    void atTheEndOfItsPeriodAClosedCaseIsAnonymisedItsFiguresKept() {
        assertThat(coordinator
                        .put("/api/association/retention", "{\"months\": 12}")
                        .status())
                .isEqualTo(200);
        String marker = "Ret" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ParisClock.set("2026-01-05T09:00");
        var created = caseworker.post("/api/cases", """
                {"applicant": {"firstName": "Awa", "lastName": "%s", "birthDate": "1991-02-03", "nationality": "SEN",
                  "phone": "0601020304", "email": "%s@example.org", "addressLine": "5 rue %s", "postalCode": "69007",
                  "city": "Lyon"},
                 "ground": "L435-1", "department": "69", "prefecture": "Préfecture du Rhône"}""".formatted(marker, marker, marker));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String caseId = created.json().get("id").asText();
        String applicantId = created.json().get("applicantId").asText();
        String c = "/api/cases/" + caseId;
        caseworker.post(c + "/notes", "{\"text\": \"Entretien avec %s\"}".formatted(marker));
        var document = caseworker.upload(
                c + "/checklist/nationality/documents",
                "file",
                "passeport-" + marker + ".pdf",
                "application/pdf",
                ("%PDF-1.4\n% " + marker + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
        assertThat(document.status()).as(document.toString()).isEqualTo(201);
        assertThat(caseworker.post(c + "/status-link", "{\"language\": \"fr\"}").status())
                .isEqualTo(201);
        var consent = caseworker.put(c + "/status-reminders", "");
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
        Tenancy.runAs(
                new CurrentAssociation(ALPHA, Set.of(Role.CASEWORKER)),
                () -> outbox.queue(
                        UUID.fromString(caseId),
                        "retention-test",
                        Instant.parse("2026-01-10T07:00:00Z"),
                        new ApplicantOutbox.Message(
                                ApplicantOutbox.EMAIL, marker + "@example.org", "fr", "Rappel", "Bonjour")));
        String prepare = null;
        for (JsonNode task : caseworker.get(c + "/tasks").json()) {
            if ("prepareCase".equals(task.get("taskKey").asText()))
                prepare = task.get("id").asText();
        }
        var closing = caseworker.post("/api/tasks/" + prepare + "/complete", """
                {"proceedWithApplication": false, "closingKind": "WITHDRAWN",
                 "closingReason": "%s a renoncé"}""".formatted(marker));
        assertThat(closing.status()).as(closing.toString()).isEqualTo(204);
        assertThat(caseworker.get(c).json().get("status").asText()).isEqualTo("CLOSED");

        JsonNode plan =
                coordinator.get("/api/applicants/" + applicantId + "/retention").json();
        assertThat(plan.get("months").asInt()).isEqualTo(12);
        assertThat(plan.get("lastContact").asText()).isEqualTo("2026-01-05");
        assertThat(plan.get("anonymiseOn").asText()).isEqualTo("2027-01-05");

        ParisClock.set("2027-01-04T12:00");
        retention.anonymiseDue();
        assertThat(coordinator
                        .get("/api/applicants/" + applicantId)
                        .json()
                        .get("lastName")
                        .asText())
                .as("a day before the end of the period")
                .isEqualTo(marker);

        ParisClock.set("2027-01-05T12:00");
        String statistics = "/api/statistics?from=2026-01-01&to=2026-12-31";
        JsonNode before = coordinator.get(statistics).json();
        assertThat(before.toString()).as("the case is counted").contains("Préfecture du Rhône", "WITHDRAWN");
        assertThat(MarkerScan.database(url, marker))
                .contains("app.applicants", "app.case_notes", "app.applicant_messages", "public.act_hi_varinst");
        assertThat(retention.anonymiseDue()).isGreaterThanOrEqualTo(1);

        JsonNode applicant = coordinator.get("/api/applicants/" + applicantId).json();
        assertThat(applicant.get("lastName").asText()).isEqualTo("Anonyme");
        assertThat(applicant.has("birthDate")).isFalse();
        assertThat(applicant.has("phone")).isFalse();
        JsonNode file = coordinator.get(c).json();
        assertThat(file.get("ground").asText()).isEqualTo("L435-1");
        assertThat(file.get("prefecture").asText()).isEqualTo("Préfecture du Rhône");
        assertThat(file.get("status").asText()).isEqualTo("CLOSED");
        assertThat(file.get("progress").get("closedOn").asText()).isEqualTo("2026-01-05");
        assertThat(coordinator.get(c + "/notes").json()).isEmpty();
        assertThat(coordinator.get(c + "/documents").json()).isEmpty();
        assertThat(coordinator.get(statistics).json()).as("the statistics").isEqualTo(before);
        assertThat(MarkerScan.database(url, marker))
                .as("tables still naming the person")
                .isEmpty();
        assertThat(coordinator.get("/api/audit?caseId=" + caseId).json().findValuesAsText("action"))
                .contains("CASE_ANONYMISED");
        assertThat(coordinator
                        .get("/api/applicants/" + applicantId + "/retention")
                        .json()
                        .has("anonymisedAt"))
                .isTrue();
        assertThat(retention.anonymiseDue()).as("once").isZero();
        coordinator.put("/api/association/retention", "{\"months\": " + Retention.DEFAULT_MONTHS + "}");
    }
}
