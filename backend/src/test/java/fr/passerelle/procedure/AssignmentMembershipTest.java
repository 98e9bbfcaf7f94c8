package fr.passerelle.procedure;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Assigning a task or a case takes a member of the association with a role that may do it (the
 * identity provider's directory), never any string; the audit names them as the directory does.
 */
@ApiTest
class AssignmentMembershipTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyAMemberWithARoleThatMayWorkItIsAssignedAndTheAuditNamesThemAsTheDirectoryDoes() {
        Associations.ensure(jdbc, ALPHA, BETA);
        Api api = Api.at(port);
        Api claire =
                api.as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        var hugo = TestTokens.user("hugo.assign", group(ALPHA, "caseworker"));
        hugo.token();
        var betaCaseworker = TestTokens.user("sofia.assign", group(BETA, "caseworker"));
        betaCaseworker.token();
        var lawyer = TestTokens.user("me.assign", group(ALPHA, "lawyer"));
        lawyer.token();

        var opened = claire.post("/api/cases", """
                {"applicantName": "Omar Said", "ground": "L435-1", "department": "69"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.json().get("id").asText();
        String task = claire.get("/api/cases/" + caseId + "/tasks")
                .json()
                .get(0)
                .get("id")
                .asText();

        for (String stranger : new String[] {betaCaseworker.subject(), lawyer.subject(), "anyone", "' OR 1=1 --"}) {
            var refused = claire.put("/api/tasks/" + task + "/assignee", "{\"assignee\": \"" + stranger + "\"}");
            assertThat(refused.status()).as(stranger + ": " + refused).isEqualTo(400);
            assertThat(refused.json().get("errors").has("assignee")).isTrue();
            assertThat(refused.json().get("errorCodes").get("assignee").asText())
                    .isEqualTo("not_member");
            var refusedCase = claire.put("/api/cases/" + caseId + "/assignee", "{\"userId\": \"" + stranger + "\"}");
            assertThat(refusedCase.status()).as(stranger + ": " + refusedCase).isEqualTo(400);
            assertThat(refusedCase.json().get("errors").has("userId")).isTrue();
        }
        assertThat(claire.get("/api/tasks/" + task).json().has("assignee"))
                .as("nothing half-saved")
                .isFalse();
        assertThat(claire.get("/api/cases/" + caseId).json().has("assignee")).isFalse();

        assertThat(claire.put("/api/tasks/" + task + "/assignee", "{\"assignee\": \"" + hugo.subject() + "\"}")
                        .status())
                .isEqualTo(204);
        var assigned = claire.put("/api/cases/" + caseId + "/assignee", """
                {"userId": "%s", "name": "Quelqu'un d'autre"}""".formatted(hugo.subject()));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get("assignee").get("name").asText()).isEqualTo("hugo.assign");
        String audit = claire.get("/api/audit?caseId=" + caseId).body();
        assertThat(audit)
                .contains("TASK_ASSIGNED", "CASE_ASSIGNED", "hugo.assign (" + hugo.subject() + ")")
                .doesNotContain("Quelqu'un d'autre");
    }
}
