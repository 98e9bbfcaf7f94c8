package fr.passerelle.cases;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Applicants: their record, what follows from their family ties, bad input, deletion. */
@ApiTest
class ApplicantsTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Staff staff;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        staff = new Staff(port);
    }

    @Test
    void anApplicantIsRecordedWithTheirFamilyTiesAndWhatFollowsFromThem() {
        var added = staff.caseworker.post("/api/applicants", Staff.APPLICANT);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        var applicant = staff.caseworker
                .get("/api/applicants/" + added.json().get("id").asText())
                .json();
        assertThat(applicant.get("fullName").asText()).isEqualTo("Amina Diallo");
        assertThat(applicant.get("nationality").asText()).isEqualTo("MLI");
        assertThat(applicant.get("languages").toString()).isEqualTo("[\"bambara\",\"français\"]");
        assertThat(applicant.get("family").get("spouse").get("unionSince").asText())
                .isEqualTo("2019-06-01");
        assertThat(applicant.get("spouseOfFrenchNational").asBoolean()).isTrue();
        assertThat(applicant.get("frenchMinorChildren").asInt()).isEqualTo(1);
        assertThat(applicant.get("parentsInFrance").asInt()).isEqualTo(1);

        assertThat(staff.caseworker.get("/api/applicants?name=diall&size=1000").body())
                .contains(applicant.get("id").asText());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        long before = count();
        assertField(
                staff.caseworker.post("/api/applicants", Staff.APPLICANT.replace("\"MLI\"", "\"Mali\"")),
                400,
                "nationality");
        assertField(
                staff.caseworker.post("/api/applicants", Staff.APPLICANT.replace("\"1990-04-02\"", "\"2015-01-01\"")),
                422,
                "entryDate");
        assertField(
                staff.caseworker.post("/api/applicants", Staff.APPLICANT.replace("\"2020-02-10\"", "\"1980-02-10\"")),
                422,
                "family.children[0].birthDate");
        assertField(
                staff.caseworker.post("/api/applicants", Staff.APPLICANT.replace("\"FRENCH\"", "\"MARTIAN\"")),
                400,
                "family.spouse.status");
        assertField(
                staff.caseworker.post("/api/applicants", Staff.APPLICANT.replace("\"69003\"", "\"6903\"")),
                400,
                "postalCode");
        assertField(
                staff.caseworker.post("/api/applicants", Staff.APPLICANT.replace("\"amina@example.org\"", "\"amina\"")),
                400,
                "email");
        assertField(
                staff.caseworker.post(
                        "/api/applicants",
                        Staff.APPLICANT.replace("\"interpreterNeeded\": false", "\"interpreterNeeded\": \"maybe\"")),
                400,
                "interpreterNeeded");
        assertField(
                staff.caseworker.post(
                        "/api/applicants",
                        Staff.APPLICANT.replace(
                                "\"Mother in Villeurbanne since 2012.\"", "\"" + "x".repeat(10_001) + "\"")),
                400,
                "familyNotes");
        assertField(
                staff.caseworker.post(
                        "/api/applicants",
                        Staff.APPLICANT.replace("\"city\": \"Lyon\"", "\"city\": \"Lyon\", \"ssn\": \"1\"")),
                400,
                "ssn");
        assertField(
                staff.caseworker.post(
                        "/api/applicants",
                        Staff.APPLICANT.replace("\"birthDate\": \"1990-04-02\"", "\"birthDate\": \"2999-04-02\"")),
                400,
                "birthDate");
        assertThat(staff.caseworker.post("/api/applicants", "{\"lastName\": ").status())
                .isEqualTo(400);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyACoordinatorDeletesAnApplicantAndOnlyOnceTheirCasesAreGone() {
        var opened = Staff.open(staff.caseworker, null);
        String applicant = "/api/applicants/" + opened.get("applicantId").asText();
        assertThat(staff.caseworker.delete(applicant).status()).isEqualTo(403);
        assertThat(staff.coordinator.delete(applicant).status()).isEqualTo(409);
        assertThat(staff.coordinator
                        .delete("/api/cases/" + opened.get("id").asText())
                        .status())
                .isEqualTo(204);
        assertThat(staff.coordinator.delete(applicant).status()).isEqualTo(204);
        assertThat(staff.caseworker.get(applicant).status()).isEqualTo(404);
    }

    @Test
    void anUpdateIsAuditedOnEveryCaseOfTheApplicant() {
        var opened = Staff.open(staff.caseworker, null);
        String applicant = "/api/applicants/" + opened.get("applicantId").asText();
        var updated = staff.caseworker.put(applicant, Staff.APPLICANT.replace("Lyon", "Villeurbanne"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("city").asText()).isEqualTo("Villeurbanne");
        var log = staff.coordinator.get("/api/audit?caseId=" + opened.get("id").asText());
        assertThat(log.json().findValuesAsText("action")).contains("APPLICANT_UPDATED");
    }

    private static void assertField(fr.passerelle.support.Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("errors").has(field))
                .as(response.toString())
                .isTrue();
    }

    private long count() {
        return Staff.countInAlpha(jdbc, "SELECT count(*) FROM app.applicants");
    }
}
