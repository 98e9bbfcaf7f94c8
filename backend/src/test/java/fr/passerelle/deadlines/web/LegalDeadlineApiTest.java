package fr.passerelle.deadlines.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public calculator, anonymously, over HTTP. The rules themselves are tested in the deadlines package. */
@ApiTest
class LegalDeadlineApiTest {
    @LocalServerPort
    int port;

    private Api.Response ask(String query) {
        return Api.at(port).get("/api/legal-deadlines?" + query);
    }

    @Test
    void theContentiousAppealDeadlineOfProcedureMdsExample() {
        var response = ask("rule=CONTENTIOUS_APPEAL&from=2026-01-03");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("deadline").asText()).isEqualTo("2026-03-04");
        assertThat(answer.get("source").asText()).contains("R421-1 CJA");
        assertThat(answer.get("explanation").asText()).isNotBlank();
    }

    @Test
    void theDepartmentsHolidaysCount() {
        // Notified 2 February 2026: nominal end 2 April, franc end Friday 3 April, Good Friday.
        assertThat(ask("rule=CONTENTIOUS_APPEAL&from=2026-02-02&department=75")
                        .json()
                        .get("deadline")
                        .asText())
                .isEqualTo("2026-04-03");
        // In Moselle Good Friday is a holiday: then the weekend and Easter Monday, so Tuesday 7 April.
        assertThat(ask("rule=CONTENTIOUS_APPEAL&from=2026-02-02&department=57")
                        .json()
                        .get("deadline")
                        .asText())
                .isEqualTo("2026-04-07");
    }

    @Test
    void theRetentionDeadlineCountsHours() {
        JsonNode answer = ask("rule=OQTF_RETENTION&from=2026-03-28T10:00").json();
        assertThat(answer.get("deadline").asText()).isEqualTo("2026-03-30T10:00");
        assertThat(answer.get("source").asText()).contains("L921-2");
    }

    @Test
    void theRenewalReminderComesFifteenDaysBeforeExpiry() {
        assertThat(ask("rule=RECEIPT_RENEWAL&from=2026-06-30")
                        .json()
                        .get("deadline")
                        .asText())
                .isEqualTo("2026-06-15");
    }

    /** Issue 18, item 13: the court's department counts, not the person's first one (art. 642 CPC, R312-1 CJA). */
    @Test
    void theCourtsHolidaysCountNotThePersonsFirstDepartment() {
        // first followed in Moselle, refused by the prefect of Paris: Good Friday 3 April is not a holiday there
        JsonNode answer = ask("rule=CONTENTIOUS_APPEAL&from=2026-02-02&department=57&prefecture=75")
                .json();
        assertThat(answer.get("deadline").asText()).isEqualTo("2026-04-03");
        assertThat(answer.get("explanation").asText()).contains("R312-1 CJA");
        assertThat(ask("rule=CONTENTIOUS_APPEAL&from=2026-02-02&department=75&court=67")
                        .json()
                        .get("deadline")
                        .asText())
                .isEqualTo("2026-04-07");
        assertProblem(
                ask("rule=CONTENTIOUS_APPEAL&from=2026-02-02&department=75&court=975"),
                "department, prefecture or court",
                "975");
    }

    /** Issue 18, items 12 and 16: the appeal against a judgment on an OQTF, the age-limited grounds. */
    @Test
    void theCourtOfAppealAndTheAgeLimitedGrounds() {
        JsonNode appeal = ask("rule=CAA_APPEAL_OQTF&from=2026-03-10").json();
        assertThat(appeal.get("deadline").asText()).isEqualTo("2026-04-13");
        assertThat(appeal.get("source").asText()).contains("R776-9 CJA");
        JsonNode young =
                ask("rule=AGE_LIMITED_GROUND&from=2007-06-14&department=69").json();
        assertThat(young.get("deadline").asText()).isEqualTo("2026-06-12");
        assertThat(ask("rule=COURT_RULING_RETENTION&from=2026-03-02T08:30")
                        .json()
                        .get("deadline")
                        .asText())
                .isEqualTo("2026-03-08T08:30");
    }

    @Test
    void badParametersGetAProblemNamingThem() {
        assertProblem(ask("rule=NOPE&from=2026-01-03"), "rule", "CONTENTIOUS_APPEAL");
        assertProblem(ask("rule=CONTENTIOUS_APPEAL&from=2026-02-30"), "from", "2026-02-30");
        assertProblem(ask("rule=OQTF_RETENTION&from=2026-03-28"), "from", "heures");
        assertProblem(ask("rule=CONTENTIOUS_APPEAL&from=2026-01-03&department=975"), "department", "975");
        assertThat(ask("rule=CONTENTIOUS_APPEAL").status()).isEqualTo(400);
    }

    private static void assertProblem(Api.Response response, String parameter, String mention) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText())
                .startsWith(parameter + ":")
                .contains(mention);
    }
}
