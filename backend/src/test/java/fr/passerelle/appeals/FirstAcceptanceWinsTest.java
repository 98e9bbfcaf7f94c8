package fr.passerelle.appeals;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two lawyers accept the same offer at the same moment, over HTTP, twenty times: each time
 * exactly one wins (204), the other finds it taken (409), and the engine and the offer agree on
 * who won: the appeal's next task is hers, and only hers.
 */
@ApiTest
class FirstAcceptanceWinsTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @RepeatedTest(20)
    void twoLawyersAcceptAtOnceAndExactlyOneWins() throws Exception {
        Associations.ensure(jdbc, ALPHA);
        Api api = Api.at(port);
        Api coordinator =
                api.as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        var durand = TestTokens.user("me.durand", group(ALPHA, "lawyer"));
        var nguyen = TestTokens.user("me.nguyen", group(ALPHA, "lawyer"));
        List<Api> lawyers = List.of(api.as(durand.token()), api.as(nguyen.token()));
        List<String> ids = List.of(durand.subject(), nguyen.subject());

        var appeal = AppealFixture.refused(coordinator, runtime, ALPHA);
        assertThat(coordinator
                        .post(appeal.c() + "/appeal/consent", "{\"documentNote\": \"Formulaire signé\"}")
                        .status())
                .isEqualTo(201);
        var offered = coordinator.post(appeal.c() + "/appeal/offers", """
                {"lawyerIds": ["%s", "%s"]}""".formatted(ids.get(0), ids.get(1)));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(201);
        String offerId = offered.json().get("id").asText();

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Api.Response>> answers = lawyers.stream()
                    .map(lawyer -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                return lawyer.post("/api/lawyer/offers/" + offerId + "/accept", null);
                            },
                            pool))
                    .toList();
            List<Integer> statuses = answers.stream()
                    .map(CompletableFuture::join)
                    .map(Api.Response::status)
                    .toList();
            assertThat(statuses)
                    .as(answers.stream().map(CompletableFuture::join).toList().toString())
                    .containsExactlyInAnyOrder(204, 409);
            String winner = ids.get(statuses.indexOf(204));
            Map<String, Object> offer = Tenancy.runAs(
                    new CurrentAssociation(ALPHA, Set.of(Role.COORDINATOR)),
                    () -> jdbc.queryForMap(
                            "SELECT status, accepted_by FROM app.appeal_offers WHERE id = ?::uuid", offerId));
            assertThat(offer).containsEntry("status", "ACCEPTED").containsEntry("accepted_by", winner);
            assertThat(runtime.getVariable(appeal.processInstanceId(), "lawyerId"))
                    .isEqualTo(winner);
            assertThat(tasks.createTaskQuery()
                            .processInstanceId(appeal.processInstanceId())
                            .singleResult()
                            .getAssignee())
                    .isEqualTo(winner);
            assertThat(lawyers.get(statuses.indexOf(204)).get(appeal.c()).status())
                    .isEqualTo(200);
            assertThat(lawyers.get(statuses.indexOf(409)).get(appeal.c()).status())
                    .isEqualTo(403);
        } finally {
            pool.shutdownNow();
        }
    }
}
