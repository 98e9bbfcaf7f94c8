package fr.passerelle.procedure;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a case stands (GET /api/cases/{id}/procedure and the models' XML): the main process and
 * the called one running now, each with its active activities, which move as tasks are
 * completed; another association's case is 404, a lawyer without a grant 403; event forms.
 */
@ApiTest
class CaseStandingTest {
    private static final String PREPARE_FORM = """
            {"ground": "L435-1", "evidenceGathered": true, "personalStatementWritten": true, "proceedWithApplication": true}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService engineTasks;

    Api ines;
    Api claire;
    Api lawyer;
    Api betaCaseworker;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        Api api = Api.at(port);
        ines = api.as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        claire = api.as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        lawyer = api.as(TestTokens.user("me.durand", group(ALPHA, "lawyer")).token());
        betaCaseworker =
                api.as(TestTokens.user("sofia", group(BETA, "caseworker")).token());
    }

    @Test
    void theMainProcessAndTheCalledOneShowTheStepRunningNowWhichMovesOnWhenATaskIsCompleted() {
        String caseId = open();
        JsonNode first = procedure(ines, caseId);
        assertThat(first.get("processes")).hasSize(1);
        JsonNode main = first.get("processes").get(0);
        assertThat(main.get("key").asText()).isEqualTo("regularisation");
        assertThat(main.path("parentId").isMissingNode() || main.get("parentId").isNull())
                .as("no parent")
                .isTrue();
        assertThat(main.get("ended").asBoolean()).isFalse();
        assertThat(texts(main.get("activeActivityIds"))).containsExactly("prepareCase");

        String task = engineTasks
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .singleResult()
                .getId();
        assertThat(ines.post("/api/tasks/" + task + "/complete", PREPARE_FORM).status())
                .isEqualTo(204);

        JsonNode then = procedure(ines, caseId).get("processes");
        assertThat(then).hasSize(2);
        assertThat(then.get(0).get("key").asText()).isEqualTo("regularisation");
        assertThat(texts(then.get(0).get("activeActivityIds")))
                .doesNotContain("prepareCase")
                .isNotEmpty();
        JsonNode called = then.get(1);
        assertThat(called.get("key").asText()).isEqualTo("appointment");
        assertThat(called.get("parentId").asText())
                .isEqualTo(then.get(0).get("instanceId").asText());
        List<String> active = texts(called.get("activeActivityIds"));
        assertThat(active).isNotEmpty();

        var xml = ines.get("/api/process-models/" + called.get("definitionId").asText() + "/xml");
        assertThat(xml.status()).as(xml.toString()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("application/xml");
        assertThat(xml.body()).contains("id=\"appointment\"").contains("id=\"" + active.get(0) + "\"");
        var mainXml = ines.get(
                "/api/process-models/" + then.get(0).get("definitionId").asText() + "/xml");
        assertThat(mainXml.body())
                .contains("id=\"" + texts(then.get(0).get("activeActivityIds")).get(0) + "\"");
    }

    @Test
    void anotherAssociationsCaseIsNotFoundAndALawyerWithoutAGrantIsRefused() {
        String caseId = open();
        assertThat(betaCaseworker.get("/api/cases/" + caseId + "/procedure").status())
                .isEqualTo(404);
        assertThat(lawyer.get("/api/cases/" + caseId + "/procedure").status()).isEqualTo(403);
        assertThat(claire.get("/api/cases/" + caseId + "/procedure").status()).isEqualTo(200);
        assertThat(ines.get("/api/process-models/no-such-definition:1:1/xml").status())
                .isEqualTo(404);
    }

    @Test
    void theFormsOfCaseEventsAreServed() {
        var form = ines.get("/api/case-events/decision-notified/form");
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.json().get("components").findValuesAsText("key")).contains("decisionOutcome");
        assertThat(ines.get("/api/case-events/no-such-event/form").status()).isEqualTo(404);
    }

    private String open() {
        var opened = claire.post("/api/cases", """
                {"applicant": {"firstName": "Amina", "lastName": "Diallo"}, "ground": "L435-1", "department": "69",
                 "prefecture": "Préfecture du Rhône"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().get("id").asText();
    }

    private static JsonNode procedure(Api api, String caseId) {
        var answer = api.get("/api/cases/" + caseId + "/procedure");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
