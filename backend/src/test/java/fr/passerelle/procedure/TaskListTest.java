package fr.passerelle.procedure;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The task lists (GET /api/tasks) read from the read model, on the real engine: what each role
 * sees, the filters and the order, that the list follows every change the engine makes
 * (claims, completions, due dates, timers fired by the job executor, deleted cases), another
 * association seeing nothing, and one completion when two people complete a task at once.
 * Every test works on cases of a prefecture of its own, so the others' cases never interfere.
 */
@ApiTest
class TaskListTest {
    private static final String PREPARE = "prepareCase";
    private static final String PREPARE_FORM = """
            {"ground": "L435-1", "evidenceGathered": true, "personalStatementWritten": true, "proceedWithApplication": true}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService engineTasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    OpenTaskCatchUp catchUp;

    Api ines;
    Api hugo;
    Api claire;
    Api lawyer;
    Api betaCaseworker;
    Api betaCoordinator;
    String inesId;
    String hugoId;
    String lawyerId;
    String prefecture;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        Api api = Api.at(port);
        var inesToken = TestTokens.user("ines", group(ALPHA, "caseworker"));
        var hugoToken = TestTokens.user("hugo", group(ALPHA, "caseworker"));
        inesId = inesToken.subject();
        hugoId = hugoToken.subject();
        ines = api.as(inesToken.token());
        hugo = api.as(hugoToken.token());
        claire = api.as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        var lawyerToken = TestTokens.user("me.durand", group(ALPHA, "lawyer"));
        lawyerId = lawyerToken.subject();
        lawyer = api.as(lawyerToken.token());
        betaCaseworker =
                api.as(TestTokens.user("sofia", group(BETA, "caseworker")).token());
        betaCoordinator =
                api.as(TestTokens.user("marc", group(BETA, "coordinator")).token());
        prefecture = "Préfecture " + UUID.randomUUID();
    }

    @Test
    void aCaseworkerSeesTheTasksOfferedToCaseworkersSoonestDeadlineFirst() {
        String later = open("L435-1");
        String overdue = open("L435-1");
        String undated = open("L435-1");
        String otherGround = open("L423-23");
        Instant now = Instant.now();
        dueIn(later, Duration.ofDays(10));
        dueIn(overdue, Duration.ofDays(-1));
        dueIn(otherGround, Duration.ofDays(40));

        JsonNode items = list(ines, "");
        assertThat(caseIds(items)).containsExactly(overdue, later, otherGround, undated);
        JsonNode first = items.get(0);
        assertThat(first.get("taskKey").asText()).isEqualTo(PREPARE);
        assertThat(first.get("step").asText()).isEqualTo("regularisation");
        assertThat(first.get("name").asText()).isNotBlank();
        assertThat(first.get("nameEn").asText())
                .isNotBlank()
                .isNotEqualTo(first.get("name").asText());
        assertThat(first.get("applicantName").asText()).isEqualTo("Amina Diallo");
        assertThat(first.get("caseReference").asText()).isNotBlank();
        assertThat(first.get("prefecture").asText()).isEqualTo(prefecture);
        assertThat(first.get("candidateGroups").toString()).isEqualTo("[\"caseworker\"]");
        assertThat(first.get("overdue").asBoolean()).isTrue();
        assertThat(Instant.parse(first.get("due").asText())).isBefore(now);
        assertThat(items.get(1).get("overdue").asBoolean()).isFalse();
        assertThat(items.get(3).has("due")).isFalse();

        assertThat(caseIds(list(ines, "&overdue=true"))).containsExactly(overdue);
        assertThat(caseIds(list(ines, "&dueWithinDays=15"))).containsExactly(overdue, later);
        assertThat(caseIds(list(ines, "&ground=L423-23"))).containsExactly(otherGround);
        assertThat(caseIds(list(ines, "&step=regularisation"))).hasSize(4);
        assertThat(caseIds(list(ines, "&step=appointment"))).isEmpty();

        var firstPage = page(ines, "&size=3");
        assertThat(caseIds(firstPage.get("items"))).containsExactly(overdue, later, otherGround);
        assertThat(firstPage.get("hasMore").asBoolean()).isTrue();
        var secondPage = page(ines, "&size=3&page=1");
        assertThat(caseIds(secondPage.get("items"))).containsExactly(undated);
        assertThat(secondPage.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void claimingUnclaimingAndAssigningMoveATaskBetweenLists() {
        String caseId = open("L435-1");
        String task = taskOf(caseId);
        assertThat(caseIds(list(hugo, "&scope=groups"))).containsExactly(caseId);
        assertThat(caseIds(list(ines, "&scope=mine"))).isEmpty();

        assertThat(ines.post("/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);
        assertThat(caseIds(list(ines, "&scope=mine"))).containsExactly(caseId);
        assertThat(caseIds(list(ines, "&scope=groups"))).isEmpty();
        assertThat(caseIds(list(hugo, ""))).isEmpty();
        assertThat(list(ines, "&scope=mine").get(0).get("assignee").asText()).isEqualTo(inesId);

        assertThat(ines.post("/api/tasks/" + task + "/unclaim", null).status()).isEqualTo(204);
        assertThat(caseIds(list(hugo, ""))).containsExactly(caseId);

        assertThat(claire.put("/api/tasks/" + task + "/assignee", "{\"assignee\": \"" + hugoId + "\"}")
                        .status())
                .isEqualTo(204);
        assertThat(caseIds(list(hugo, "&scope=mine"))).containsExactly(caseId);
        assertThat(caseIds(list(ines, ""))).isEmpty();
        assertThat(caseIds(list(claire, "&scope=association&assignee=" + hugoId)))
                .containsExactly(caseId);
        assertThat(caseIds(list(claire, "&scope=association&assignee=" + inesId)))
                .isEmpty();
    }

    @Test
    void candidatesChangedOnTheEngineChangeTheLists() {
        String caseId = open("L435-1");
        String task = taskOf(caseId);
        engineTasks.deleteCandidateGroup(task, "caseworker");
        assertThat(list(ines, "")).isEmpty();
        engineTasks.addCandidateUser(task, inesId);
        assertThat(taskIds(list(ines, ""))).containsExactly(task);
        assertThat(list(hugo, "")).isEmpty();
        engineTasks.addCandidateGroup(task, "caseworker");
        assertThat(taskIds(list(hugo, ""))).containsExactly(task);
    }

    @Test
    void completingATaskPutsTheNextStepsTasksInItsPlaceAsTheEngineHasThem() {
        String caseId = open("L435-1");
        String prepared = taskOf(caseId);
        assertThat(ines.post("/api/tasks/" + prepared + "/complete", PREPARE_FORM)
                        .status())
                .isEqualTo(204);

        assertThat(listedTaskIdsOf(caseId))
                .doesNotContain(prepared)
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(engineTaskIds(caseId));
        assertThat(list(ines, "").get(0).get("step").asText()).isEqualTo("appointment");
    }

    @Test
    void aTaskMadeByATimerOfTheJobExecutorIsListedUnderItsAssociation() {
        repository
                .createDeployment()
                .name("task-list-timer")
                .addModelInstance(
                        "task-list-timer.bpmn",
                        Bpmn.createExecutableProcess("task-list-timer")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .intermediateCatchEvent()
                                .timerWithDuration("PT1H")
                                .userTask("afterTheTimer")
                                .name("Après le délai")
                                .camundaCandidateGroups("caseworker")
                                .endEvent()
                                .done())
                .deploy();
        String caseId = open("L435-1");
        String instance = Tenancy.runAs(
                new CurrentAssociation(ALPHA, Set.of(Role.CASEWORKER)),
                () -> runtime.startProcessInstanceByKey("task-list-timer", caseId)
                        .getId());
        assertThat(list(ines, "&step=task-list-timer")).isEmpty();

        // as the job executor does it: on a thread of no request, no association, no user
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId());

        JsonNode listed = list(ines, "&step=task-list-timer");
        assertThat(taskIds(listed))
                .containsExactly(engineTasks
                        .createTaskQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getId());
        assertThat(caseIds(list(betaCoordinator, "&scope=association&step=task-list-timer")))
                .isEmpty();
    }

    @Test
    void theAssociationListIsTheCoordinatorsAndALawyerSeesOnlyWhatIsOfferedToThem() {
        String caseId = open("L435-1");
        String task = taskOf(caseId);
        claire.put("/api/tasks/" + task + "/assignee", "{\"assignee\": \"" + hugoId + "\"}");

        assertThat(caseIds(list(claire, "&scope=association"))).containsExactly(caseId);
        assertThat(caseIds(list(claire, ""))).isEmpty(); // not hers: the coordinators' list is the association's
        assertThat(ines.get("/api/tasks?scope=association").status()).isEqualTo(403);
        assertThat(lawyer.get("/api/tasks?scope=association").status()).isEqualTo(403);
        claire.put("/api/tasks/" + task + "/assignee", "{\"assignee\": null}");
        assertThat(caseIds(list(lawyer, ""))).isEmpty();
        assertThat(lawyer.get("/api/tasks/" + task).status()).isEqualTo(404);
        assertThat(lawyer.post("/api/tasks/" + task + "/claim", null).status()).isEqualTo(404);
        assertThat(lawyer.post("/api/tasks/" + task + "/complete", PREPARE_FORM).status())
                .isEqualTo(404);
        assertThat(ines.put("/api/tasks/" + task + "/assignee", "{\"assignee\": \"" + inesId + "\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anotherAssociationSeesNoneOfTheTasksAndFindsNoneOfThem() {
        String caseId = open("L435-1");
        String task = taskOf(caseId);
        assertThat(list(betaCaseworker, "")).isEmpty();
        assertThat(list(betaCoordinator, "&scope=association")).isEmpty();
        assertThat(betaCoordinator.get("/api/tasks?scope=association&size=100").body())
                .doesNotContain(task);
        assertThat(betaCoordinator.get("/api/tasks/" + task).status()).isEqualTo(404);
        assertThat(betaCoordinator.get("/api/cases/" + caseId + "/tasks").status())
                .isEqualTo(404);
        assertThat(betaCaseworker.post("/api/tasks/" + task + "/claim", null).status())
                .isEqualTo(404);
        assertThat(betaCoordinator.post("/api/tasks/" + task + "/unclaim", null).status())
                .isEqualTo(404);
        assertThat(betaCoordinator
                        .put("/api/tasks/" + task + "/assignee", "{\"assignee\": \"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(betaCaseworker
                        .post("/api/tasks/" + task + "/complete", PREPARE_FORM)
                        .status())
                .isEqualTo(404);
        assertThat(betaCaseworker
                        .post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "GRANTED", "decisionNotifiedDate": "2026-01-10"}""")
                        .status())
                .isEqualTo(404);
        assertThat(caseIds(list(ines, ""))).containsExactly(caseId);
    }

    @Test
    void deletingACaseTakesItsTasksOffTheLists() {
        String caseId = open("L435-1");
        assertThat(claire.delete("/api/cases/" + caseId).status()).isEqualTo(204);
        assertThat(list(claire, "&scope=association")).isEmpty();
        assertThat(asAlpha(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM app.open_tasks WHERE case_id = ?", Long.class, UUID.fromString(caseId))))
                .isZero();
    }

    @Test
    void atStartUpTheListsCatchUpWithTasksTheyNeverSaw() {
        String caseId = open("L435-1");
        String task = taskOf(caseId);
        asAlpha(() -> jdbc.update("DELETE FROM app.open_tasks WHERE task_id = ?", task));
        assertThat(list(ines, "")).isEmpty();

        String ended = "ended-" + UUID.randomUUID();
        asAlpha(() -> jdbc.update("""
                INSERT INTO app.open_tasks (task_id, tenant_id, case_id, process_instance_id, step, task_key, name,
                                            candidate_groups, created)
                VALUES (?, 'alpha', ?, 'gone', 'regularisation', 'prepareCase', 'Fini', '{caseworker}', now())""", ended, UUID.fromString(caseId)));

        catchUp.catchUp();

        assertThat(taskIds(list(ines, ""))).containsExactly(task);
        assertThat(list(ines, "").get(0).get("nameEn").asText()).isNotBlank();
    }

    @Test
    void aProcessInstanceDeletedOnTheEngineTakesItsTasksWithIt() {
        String caseId = open("L435-1");
        runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test", true));
        assertThat(list(claire, "&scope=association")).isEmpty();
    }

    @Test
    void overdueFalseListsTheTasksNotOverdue() {
        String overdue = open("L435-1");
        String later = open("L435-1");
        String undated = open("L435-1");
        dueIn(overdue, Duration.ofDays(-2));
        dueIn(later, Duration.ofDays(2));
        assertThat(caseIds(list(ines, "&overdue=false"))).containsExactly(later, undated);
    }

    @Test
    void aStaffTaskHandedToALawyerStaysOutOfTheirReach() {
        String task = taskOf(open("L435-1"));
        var handed = claire.put("/api/tasks/" + task + "/assignee", "{\"assignee\": \"" + lawyerId + "\"}");
        assertThat(handed.status()).as("a lawyer may not work a staff task").isEqualTo(400);
        assertThat(handed.json().get("errors").has("assignee")).isTrue();
        engineTasks.setAssignee(task, lawyerId); // as if it had been
        assertThat(list(lawyer, "")).isEmpty();
        assertThat(lawyer.get("/api/tasks/" + task).status()).isEqualTo(404);
        engineTasks.complete(
                task,
                java.util.Map.of(
                        "evidenceGathered", true, "personalStatementWritten", true, "proceedWithApplication", true));
        assertThat(lawyer.get("/api/tasks/" + task).status())
                .as("completed: still nothing to tell")
                .isEqualTo(404);
    }

    @Test
    void parametersItCannotTakeAreRefusedAndNamed() {
        assertRefused("/api/tasks?scope=everything", "scope");
        assertRefused("/api/tasks?ground=L999-1", "ground");
        assertRefused("/api/tasks?dueWithinDays=soon", "dueWithinDays");
        assertRefused("/api/tasks?dueWithinDays=-1", "dueWithinDays");
        assertRefused("/api/tasks?overdue=yes", "overdue");
        assertRefused("/api/tasks?size=0", "size");
        assertRefused("/api/tasks?size=101", "size");
        assertRefused("/api/tasks?page=-1", "page");
        assertRefused("/api/tasks?page=1000&size=100", "page");
        assertRefused("/api/tasks?assignee=hugo", "assignee");
        assertRefused("/api/tasks?prefecure=Lyon", "prefecure");
        assertRefused("/api/tasks?scope=mine&scope=association", "scope");
        assertRefused("/api/tasks?scope=", "scope");
        assertRefused("/api/tasks?prefecture=", "prefecture");
        assertRefused("/api/tasks?size=abc", "size");
        assertRefused("/api/tasks?page=2147483648", "page");
        assertRefused("/api/tasks?step=apointment", "step");
        assertThat(ines.get("/api/tasks?step=appointment").status()).isEqualTo(200);
    }

    @Test
    void twoPeopleCompletingTheSameTaskAtOnceMakeOneCompletion() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String caseId = open("L435-1");
                String task = taskOf(caseId);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> calls = new ArrayList<>();
                for (Api person : List.of(ines, hugo)) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return person.post("/api/tasks/" + task + "/complete", PREPARE_FORM)
                                .status();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> call : calls) {
                    statuses.add(call.get());
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(204, 409);
                assertThat(history.createHistoricTaskInstanceQuery()
                                .taskId(task)
                                .finished()
                                .count())
                        .isEqualTo(1);
                assertThat(runtime.createProcessInstanceQuery()
                                .processInstanceBusinessKey(caseId)
                                .processDefinitionKey("appointment")
                                .count())
                        .as("one appointment step")
                        .isEqualTo(1);
                assertThat(listedTaskIdsOf(caseId)).containsExactlyInAnyOrderElementsOf(engineTaskIds(caseId));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T asAlpha(java.util.function.Supplier<T> work) {
        return Tenancy.runAs(new CurrentAssociation(ALPHA, Set.of(Role.COORDINATOR)), work);
    }

    private void assertRefused(String path, String parameter) {
        var response = ines.get(path);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").has(parameter))
                .as(response.toString())
                .isTrue();
    }

    private String open(String ground) {
        var opened = claire.post("/api/cases", """
                {"applicant": {"firstName": "Amina", "lastName": "Diallo"}, "ground": "%s", "department": "69",
                 "prefecture": "%s"}""".formatted(ground, prefecture));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().get("id").asText();
    }

    /** The one open task of a case just opened. */
    private String taskOf(String caseId) {
        List<String> ids = engineTaskIds(caseId);
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private List<String> engineTaskIds(String caseId) {
        return engineTasks.createTaskQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(Task::getId)
                .toList();
    }

    /** Moves a case's task's deadline, as the engine does when a model sets a due date. */
    private void dueIn(String caseId, Duration fromNow) {
        engineTasks.setDueDate(taskOf(caseId), Date.from(Instant.now().plus(fromNow)));
    }

    private JsonNode list(Api as, String parameters) {
        return page(as, parameters).get("items");
    }

    private JsonNode page(Api as, String parameters) {
        var response =
                as.get("/api/tasks?prefecture=" + URLEncoder.encode(prefecture, StandardCharsets.UTF_8) + parameters);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The open tasks of one case in the coordinator's list. */
    private List<String> listedTaskIdsOf(String caseId) {
        List<String> ids = new ArrayList<>();
        list(claire, "&scope=association&size=100").forEach(item -> {
            if (caseId.equals(item.get("caseId").asText())) {
                ids.add(item.get("id").asText());
            }
        });
        return ids;
    }

    private static List<String> caseIds(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("caseId").asText()));
        return ids;
    }

    private static List<String> taskIds(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
