package fr.passerelle.cases;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.security.Role;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A case's notes, and its timeline from the audit log and the engine's history. */
@ApiTest
class CaseTimelineTest {
    static final String PROCESS = "case-timeline-test";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    Staff staff;
    String caseId;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        staff = new Staff(port);
        caseId = Staff.open(staff.caseworker);
        if (repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(PROCESS)
                        .count()
                == 0) {
            repository
                    .createDeployment()
                    .addModelInstance(
                            PROCESS + ".bpmn",
                            Bpmn.createExecutableProcess(PROCESS)
                                    .camundaHistoryTimeToLive(1)
                                    .startEvent("opened")
                                    .name("Dossier ouvert")
                                    .userTask("gather")
                                    .name("Rassembler les pièces")
                                    .camundaCandidateGroups("caseworker")
                                    .intermediateCatchEvent("wait")
                                    .name("Attendre la convocation")
                                    .timerWithDuration("P7D")
                                    .endEvent("done")
                                    .done())
                    .deploy();
        }
    }

    @Test
    void notesAreKeptNewestFirstWithTheirAuthorAndBoundedInLength() {
        String notes = "/api/cases/" + caseId + "/notes";
        assertThat(staff.caseworker
                        .post(notes, "{\"text\": \"Premier rendez-vous\"}")
                        .status())
                .isEqualTo(201);
        var second = staff.coordinator.post(notes, "{\"text\": \"Appelé la préfecture\"}");
        assertThat(second.json().get("authorName").asText()).isEqualTo("claire");

        var tooLong = staff.caseworker.post(notes, "{\"text\": \"" + "x".repeat(10_001) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").has("text")).isTrue();
        assertThat(staff.caseworker
                        .post(notes, "{\"text\": \"" + "x".repeat(10_000) + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(staff.caseworker
                        .post(notes, "{\"text\": 42, \"pinned\": true}")
                        .status())
                .isEqualTo(400);

        var list = staff.caseworker.get(notes).json();
        assertThat(list).hasSize(3);
        assertThat(list.get(1).get("text").asText()).isEqualTo("Appelé la préfecture");
        assertThat(list.get(2).get("authorName").asText()).isEqualTo("ines");
        assertThat(staff.betaCoordinator.get(notes).status()).isEqualTo(404);
        assertThat(staff.betaCaseworker.post(notes, "{\"text\": \"hello\"}").status())
                .isEqualTo(404);
    }

    @Test
    void theTimelineShowsChangesAndTheProcedureStepsNewestFirst() {
        staff.caseworker.post("/api/cases/" + caseId + "/notes", "{\"text\": \"Premier rendez-vous\"}");
        Tenancy.runAs(
                new CurrentAssociation(ALPHA, Set.of(Role.CASEWORKER)),
                () -> runtime.startProcessInstanceByKey(PROCESS, caseId));
        String task = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey(PROCESS)
                .singleResult()
                .getId();
        tasks.complete(task);
        // An instance of another association wrongly keyed with this case's id stays invisible (engine tenant check).
        Tenancy.runAs(
                new CurrentAssociation(BETA, Set.of(Role.CASEWORKER)),
                () -> runtime.startProcessInstanceByKey(PROCESS, caseId));

        var response = staff.caseworker.get("/api/cases/" + caseId + "/timeline");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        Instant previous = Instant.MAX;
        for (JsonNode entry : response.json()) {
            Instant at = Instant.parse(entry.get("at").asText());
            assertThat(at).as("newest first").isBeforeOrEqualTo(previous);
            previous = at;
            lines.add(entry.get("kind").asText() + " " + entry.get("what").asText());
        }
        assertThat(lines)
                .contains(
                        "CHANGE CASE_OPENED",
                        "CHANGE NOTE_ADDED",
                        "ACTIVITY_ENDED Dossier ouvert",
                        "ACTIVITY_STARTED Rassembler les pièces",
                        "ACTIVITY_ENDED Rassembler les pièces",
                        "ACTIVITY_STARTED Attendre la convocation");
        assertThat(lines)
                .filteredOn(line -> line.equals("ACTIVITY_STARTED Rassembler les pièces"))
                .as("only this association's instance")
                .hasSize(1);
        assertThat(lines).doesNotContain("CHANGE READ");
        assertThat(lines.indexOf("ACTIVITY_ENDED Rassembler les pièces"))
                .isLessThan(lines.indexOf("ACTIVITY_STARTED Rassembler les pièces"));

        assertThat(staff.betaCoordinator
                        .get("/api/cases/" + caseId + "/timeline")
                        .status())
                .isEqualTo(404);
        assertThat(staff.lawyer.get("/api/cases/" + caseId + "/timeline").status())
                .isEqualTo(403);
    }
}
