package fr.passerelle.cases;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.MarkerScan;
import fr.passerelle.support.TestTokens;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One applicant's personal data through the API (issue 21). The copy (GDPR art. 15, 20) is read back and holds
 * each kind of data. The right to erasure (GDPR art. 17): an applicant whose name, note, task form text, document
 * (its name and its bytes), consent, offer, letter and export carry a unique marker is erased through the API;
 * then the marker is in no column of any table of the database, the engine's included (byte arrays read, zips
 * unpacked), nor in any file the service stored; the audit says an erasure happened, by whom, and not whom.
 */
@ApiTest
class PersonalDataTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    ServletContext servlet;

    @Value("${spring.datasource.url}")
    String url;

    /** An applicant with one case whose every kind of data carries the marker. */
    record Seeded(String marker, String applicantId, String caseId, String exportId) {}

    Api coordinator;
    Api caseworker;

    private Seeded seed() {
        Associations.ensure(jdbc, ALPHA);
        Api api = Api.at(port);
        coordinator =
                api.as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        caseworker = api.as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        var lawyer = TestTokens.user("me.durand", group(ALPHA, "lawyer"));
        lawyer.token();
        String marker = "Zqx" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        var created = caseworker.post("/api/cases", """
                {"applicant": {"firstName": "Amina", "lastName": "%s", "birthDate": "1990-04-02",
                  "nationality": "MLI", "entryDate": "2014-09-01", "addressLine": "3 rue %s", "postalCode": "69003",
                  "city": "Lyon", "familyNotes": "Famille %s"},
                 "ground": "L435-1", "department": "69", "prefecture": "Préfecture du Rhône",
                 "decidedOn": "%s", "notifiedOn": "%s"}""".formatted(marker, marker, marker, daysAgo(5), daysAgo(3)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String caseId = created.json().get("id").asText();
        String applicantId = created.json().get("applicantId").asText();
        String c = "/api/cases/" + caseId;

        assertThat(caseworker
                        .post(c + "/notes", "{\"text\": \"Entretien avec %s\"}".formatted(marker))
                        .status())
                .isEqualTo(201);
        String prepare = openTask(coordinator, caseId, "prepareCase");
        var completed = caseworker.post("/api/tasks/" + prepare + "/complete", """
                {"ground": "L435-1", "evidenceGathered": true, "personalStatementWritten": true,
                 "proceedWithApplication": true, "eligibilityNotes": "Récit de %s"}""".formatted(marker));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
        var document = caseworker.upload(
                c + "/checklist/nationality/documents",
                "file",
                "passeport-" + marker + ".pdf",
                "application/pdf",
                ("%PDF-1.4\n% " + marker + "\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(document.status()).as(document.toString()).isEqualTo(201);

        Tenancy.runAs(
                new CurrentAssociation(ALPHA, Set.of(Role.COORDINATOR)),
                () -> runtime.createProcessInstanceByKey("appeal-contentious")
                        .businessKey(caseId)
                        .setVariables(Map.of(
                                "caseId",
                                caseId,
                                "department",
                                "69",
                                "decisionOutcome",
                                "REFUSED",
                                "decisionNotifiedDate",
                                daysAgo(3)))
                        .execute()
                        .getId());
        var consent = caseworker.post(c + "/appeal/consent", """
                {"documentNote": "Consentement signé par %s"}""".formatted(marker));
        assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
        var offer = coordinator.post(c + "/appeal/offers", """
                {"lawyerIds": ["%s"], "offerNotes": "Refus L435-1 de %s"}""".formatted(lawyer.subject(), marker));
        assertThat(offer.status()).as(offer.toString()).isEqualTo(201);
        var letter = coordinator.download(c + "/appeal/letters/gracious");
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(MarkerScan.contains(letter.body(), marker))
                .as("the letter names the applicant")
                .isTrue();

        var export = coordinator.post("/api/exports", """
                {"from": "%s", "to": "%s", "withNames": true}""".formatted(daysAgo(30), daysAgo(0)));
        assertThat(export.status()).as(export.toString()).isEqualTo(202);
        String exportId = export.json().get("id").asText();
        String job = Tenancy.runAs(
                new CurrentAssociation(ALPHA, Set.of(Role.COORDINATOR)),
                () -> jdbc.queryForObject(
                        "SELECT engine_job_id FROM app.export_jobs WHERE id = ?::uuid", String.class, exportId));
        management.executeJob(job);
        assertThat(coordinator
                        .get("/api/exports/" + exportId)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("DONE");

        return new Seeded(marker, applicantId, caseId, exportId);
    }

    @Test
    void anErasedApplicantIsNowhere() {
        Seeded seeded = seed();
        String marker = seeded.marker();
        String caseId = seeded.caseId();
        String applicantId = seeded.applicantId();
        String exportId = seeded.exportId();
        String c = "/api/cases/" + caseId;
        TreeSet<String> before = MarkerScan.database(url, marker);
        assertThat(before)
                .as("the marker is where the test put it, so its absence later means something")
                .contains(
                        "app.applicants",
                        "app.case_notes",
                        "app.case_documents",
                        "app.case_document_chunks.data",
                        "app.appeal_consents",
                        "app.appeal_offers",
                        "app.audit_events",
                        "app.export_jobs.file",
                        "public.act_hi_varinst",
                        "public.act_ru_variable");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .count())
                .as("the main process, the appeal and what they called run")
                .isGreaterThanOrEqualTo(2);

        assertThat(caseworker
                        .post("/api/applicants/" + applicantId + "/erasure", null)
                        .status())
                .as("a caseworker may not erase")
                .isEqualTo(403);
        assertThat(MarkerScan.database(url, marker))
                .as("nothing erased by a refused erasure")
                .isEqualTo(before);
        var erased = coordinator.post("/api/applicants/" + applicantId + "/erasure", null);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("cases").asInt()).isEqualTo(1);

        assertThat(MarkerScan.database(url, marker))
                .as("tables holding the marker after the erasure")
                .isEmpty();
        // the service stores no file of its own: an export is written to a temporary file, then to the database;
        // uploads are spooled in Tomcat's work directory. Both places are read.
        List<String> files = new ArrayList<>(
                MarkerScan.files(((File) servlet.getAttribute(ServletContext.TEMPDIR)).toPath(), marker));
        try (var tmp = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            tmp.filter(p -> p.getFileName().toString().startsWith("passerelle-"))
                    .forEach(p -> files.addAll(MarkerScan.files(p, marker)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(files).as("stored files holding the marker").isEmpty();

        assertThat(coordinator.get(c).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/applicants/" + applicantId).status()).isEqualTo(404);
        assertThat(coordinator
                        .post("/api/applicants/" + applicantId + "/erasure", null)
                        .status())
                .as("erased once")
                .isEqualTo(404);
        assertThat(coordinator
                        .get("/api/exports/" + exportId)
                        .json()
                        .get("status")
                        .asText())
                .as("the workbook with names is gone, the export listed as expired")
                .isEqualTo("EXPIRED");
        JsonNode audit = coordinator.get("/api/audit?caseId=" + caseId).json();
        assertThat(audit.findValuesAsText("action")).contains("APPLICANT_ERASED", "CASE_OPENED", "NOTE_ADDED");
        for (JsonNode entry : audit) {
            if ("APPLICANT_ERASED".equals(entry.get("action").asText())) {
                assertThat(entry.get("actorName").asText()).isEqualTo("claire");
            }
        }
        assertThat(audit.findValuesAsText("detail"))
                .as("no detail about the erased person")
                .isEmpty();
    }

    @Test
    void anApplicantsCopyHoldsEachKindOfTheirData() throws Exception {
        Seeded seeded = seed();
        String marker = seeded.marker();
        String path = "/api/applicants/" + seeded.applicantId() + "/personal-data";
        assertThat(caseworker.download(path).statusCode())
                .as("coordinators only")
                .isEqualTo(403);
        assertThat(coordinator
                        .download("/api/applicants/" + UUID.randomUUID() + "/personal-data")
                        .statusCode())
                .isEqualTo(404);
        var response = coordinator.download(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries).containsKeys("donnees.json", "resume.html");
        JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(entries.get("donnees.json"));
        assertThat(data.path("applicant").path("lastName").asText()).isEqualTo(marker);
        assertThat(data.path("applicant").path("familyNotes").asText()).contains(marker);
        JsonNode theCase = data.path("cases").get(0);
        assertThat(theCase.path("case").path("id").asText()).isEqualTo(seeded.caseId());
        assertThat(theCase.path("notes").findValuesAsText("text")).anyMatch(text -> text.contains(marker));
        assertThat(theCase.path("checklist").isObject()).isTrue();
        JsonNode document = theCase.path("documents").get(0);
        assertThat(document.path("filename").asText()).contains(marker);
        assertThat(new String(entries.get(document.path("file").asText()), StandardCharsets.UTF_8))
                .as("the document itself")
                .contains(marker);
        assertThat(theCase.path("timeline").findValuesAsText("what")).contains("CASE_OPENED");
        JsonNode tasks = theCase.path("sections").path("tasks").path("items");
        JsonNode prepared = null;
        for (JsonNode task : tasks) {
            if ("prepareCase".equals(task.path("taskKey").asText())) prepared = task;
        }
        assertThat(prepared).as("the prepareCase task in " + tasks).isNotNull();
        assertThat(prepared.path("form").path("eligibilityNotes").asText()).contains(marker);
        JsonNode appeals = theCase.path("sections").path("appeals").path("items");
        assertThat(appeals.findValuesAsText("kind_of_record")).contains("consent", "offer", "letter");
        assertThat(appeals.findValuesAsText("document_note")).anyMatch(note -> note.contains(marker));
        assertThat(appeals.findValuesAsText("summary")).anyMatch(summary -> summary.contains(marker));
        assertThat(entries.keySet())
                .anyMatch(name -> name.contains("/appeals/recours-gracieux") && name.endsWith(".docx"));
        assertThat(entries.entrySet().stream()
                        .filter(e -> e.getKey().endsWith(".docx"))
                        .allMatch(e -> MarkerScan.contains(e.getValue(), marker)))
                .as("the letters name the applicant")
                .isTrue();
        String summary = new String(entries.get("resume.html"), StandardCharsets.UTF_8);
        assertThat(summary)
                .contains("<html lang=\"fr\"", "Données personnelles", "Tâches et formulaires", "Recours")
                .contains("Récit de " + marker, "Entretien avec " + marker);
        JsonNode audit = coordinator.get("/api/audit?caseId=" + seeded.caseId()).json();
        assertThat(audit.findValuesAsText("detail")).contains("personal data copy");
    }

    private static String openTask(Api as, String caseId, String key) {
        for (JsonNode task : as.get("/api/cases/" + caseId + "/tasks").json()) {
            if (key.equals(task.get("taskKey").asText())) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError("no open task " + key + " in case " + caseId);
    }

    private static String daysAgo(int days) {
        return LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(days).toString();
    }
}
