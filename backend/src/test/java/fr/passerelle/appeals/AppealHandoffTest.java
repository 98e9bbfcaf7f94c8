package fr.passerelle.appeals;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hand-off of a contentious appeal to lawyers through the API, on the real engine and
 * PostgreSQL: consent first, an anonymous offer, the appeal part after acceptance and nothing
 * else, access ended by the coordinator, a withdrawn consent or the appeal's end.
 */
@ApiTest
class AppealHandoffTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    Api coordinator;
    Api caseworker;
    /** A lawyer of both associations (she sends X-Association), and one of alpha only. */
    Api durand;

    Api nguyen;
    Api betaCoordinator;
    String durandId;
    String nguyenId;
    String betaLawyerId;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        Api api = Api.at(port);
        coordinator =
                api.as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        caseworker = api.as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        var durandToken = TestTokens.user("me.durand", group(ALPHA, "lawyer"), group(BETA, "lawyer"));
        durand = api.as(durandToken.token());
        durandId = durandToken.subject();
        var nguyenToken = TestTokens.user("me.nguyen", group(ALPHA, "lawyer"));
        nguyen = api.as(nguyenToken.token());
        nguyenId = nguyenToken.subject();
        var betaLawyer = TestTokens.user("me.petit", group(BETA, "lawyer"));
        betaLawyer.token();
        betaLawyerId = betaLawyer.subject();
        betaCoordinator =
                api.as(TestTokens.user("marc", group(BETA, "coordinator")).token());
    }

    @Test
    void noOfferWithoutConsentOrAnOverrideWithItsReason() {
        var appeal = AppealFixture.refused(coordinator, runtime, ALPHA);
        var refused = offer(appeal, durandId);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("errors").has("consent")).isTrue();
        assertThat(refused.json().get("errorCodes").get("consent").asText()).isEqualTo("consent_missing");
        assertThat(refused.json().get("errors").get("consent").asText()).contains("consentement");

        var noReason = coordinator.post(appeal.c() + "/appeal/consent-override", "{\"reason\": \" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").has("reason")).isTrue();
        assertThat(caseworker
                        .post(appeal.c() + "/appeal/consent-override", "{\"reason\": \"48 h\"}")
                        .status())
                .as("only a coordinator overrides")
                .isEqualTo(403);
        var noDocument = caseworker.post(appeal.c() + "/appeal/consent", "{\"documentNote\": \"\"}");
        assertThat(noDocument.status()).isEqualTo(400);
        assertThat(noDocument.json().get("errors").has("documentNote")).isTrue();
        var strangeDocument =
                caseworker.post(appeal.c() + "/appeal/consent", """
                {"documentNote": "formulaire signé", "documentId": "%s"}""".formatted(java.util.UUID.randomUUID()));
        assertThat(strangeDocument.status()).isEqualTo(400);
        assertThat(strangeDocument.json().get("errors").has("documentId")).isTrue();

        assertThat(coordinator
                        .post(appeal.c() + "/appeal/consent-override", """
                {"reason": "Retenue en CRA, joignable seulement par son avocat de permanence : OQTF à 48 heures"}""")
                        .status())
                .isEqualTo(201);
        assertThat(offer(appeal, durandId).status()).isEqualTo(201);
        JsonNode audit = coordinator.get("/api/audit?caseId=" + appeal.id()).json();
        assertThat(audit.findValuesAsText("action")).contains("APPEAL_CONSENT_OVERRIDDEN", "APPEAL_OFFERED");
        assertThat(audit.toString()).contains("Retenue en CRA");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app.appeal_offers", Long.class))
                .as("the service's role reads no row without an association")
                .isZero();
    }

    @Test
    void theGenericTaskFormCannotOfferNorAccept() {
        var appeal = AppealFixture.refused(coordinator, runtime, ALPHA);
        String task = openTask(coordinator, appeal, "offerAppealToLawyer");
        var generic = coordinator.post("/api/tasks/" + task + "/complete", """
                {"filingBy": "LAWYER", "offeredLawyerId": "%s"}""".formatted(durandId));
        assertThat(generic.status()).as(generic.toString()).isEqualTo(409);
        assertThat(generic.json().get("errors").has("filingBy")).isTrue();
        consent(appeal);
        assertThat(offer(appeal, durandId).status()).isEqualTo(201);
        String accept = openTask(durand.in(ALPHA), appeal, null);
        var direct = durand.in(ALPHA).post("/api/tasks/" + accept + "/complete", "{\"appealAccepted\": true}");
        assertThat(direct.status()).as(direct.toString()).isEqualTo(409);
    }

    @Test
    void beforeAcceptingALawyerSeesTheSummaryAndNothingOfTheCase() {
        var appeal = AppealFixture.refused(coordinator, runtime, ALPHA);
        String document = upload(appeal, "nationality");
        consent(appeal);
        String offerId = offered(coordinator.post(appeal.c() + "/appeal/offers", """
                {"lawyerIds": ["%s", "%s"], "offerNotes": "Refus L435-1, 10 ans de présence"}""".formatted(durandId, nguyenId)));

        var inbox = durand.get("/api/lawyer/inbox");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        JsonNode offer = offerIn(durand, offerId);
        assertThat(offer.get("association").asText()).isEqualTo(ALPHA);
        assertThat(offer.get("status").asText()).isEqualTo("OPEN");
        JsonNode summary = offer.get("summary");
        assertThat(summary.get("ground").asText()).isEqualTo("L435-1");
        assertThat(summary.get("prefecture").asText()).isEqualTo("Préfecture du Rhône");
        assertThat(summary.get("decisionType").asText()).isEqualTo("REFUSED");
        assertThat(summary.get("decisionNotifiedOn").asText()).isEqualTo(AppealFixture.daysAgo(3));
        assertThat(summary.get("deadlineRule").asText()).isEqualTo("CONTENTIOUS_APPEAL");
        assertThat(summary.get("deadline").asText()).isNotBlank();
        assertThat(summary.get("languages").toString()).contains("bambara");
        assertThat(summary.get("interpreterNeeded").asBoolean()).isTrue();
        assertThat(offer.toString()).doesNotContain("Diallo", "Amina", "Garibaldi", "1990-04-02", "MLI");
        assertThat(inbox.body()).doesNotContain(appeal.id(), appeal.reference(), document);
        assertThat(summary.get("message").asText()).isEqualTo("Refus L435-1, 10 ans de présence");
        assertThat(appealIn(durand, appeal)).isNull();

        Api durandAlpha = durand.in(ALPHA);
        for (String path : List.of(
                appeal.c(),
                appeal.c() + "/documents",
                appeal.c() + "/documents/" + document,
                appeal.c() + "/tasks",
                appeal.c() + "/notes",
                appeal.c() + "/checklist",
                "/api/cases",
                "/api/applicants")) {
            assertThat(durandAlpha.get(path).status()).as(path).isIn(403, 404);
        }
        var freshToken = TestTokens.user("me.fresh-" + java.util.UUID.randomUUID(), group(ALPHA, "lawyer"));
        Api fresh = Api.at(port).as(freshToken.token());
        String second = AppealFixture.refused(coordinator, runtime, ALPHA).id();
        consent(new AppealFixture.Case(second, null, null));
        assertThat(coordinator
                        .post(
                                "/api/cases/" + second + "/appeal/offers",
                                "{\"pool\": false, \"lawyerIds\": [\"" + freshToken.subject() + "\"]}")
                        .status())
                .isEqualTo(201);
        var tasks = fresh.get("/api/tasks?scope=mine-and-groups");
        List<JsonNode> listed = new ArrayList<>();
        tasks.json().get("items").forEach(item -> {
            if (item.get("caseId").asText().equals(second)) {
                listed.add(item);
            }
        });
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("taskKey").asText()).isEqualTo("acceptAppeal");
        assertThat(listed.get(0).toString()).doesNotContain("Diallo", "reference");
        assertThat(offerIn(
                        Api.at(port)
                                .as(TestTokens.user("me.petit", group(BETA, "lawyer"))
                                        .token()),
                        offerId))
                .as("not offered to another association's lawyer")
                .isNull();
    }

    @Test
    void afterAcceptingTheAppealPartAndNothingElseUntilTheCoordinatorWithdrawsIt() {
        var appeal = AppealFixture.refused(coordinator, runtime, ALPHA);
        var other = AppealFixture.refused(coordinator, runtime, ALPHA);
        String evidence = upload(appeal, "nationality");
        String photo = upload(appeal, "photos");
        String medical = upload(appeal, "evidence-medical");
        consent(appeal);
        String offerId = offered(coordinator.post(appeal.c() + "/appeal/offers", """
                {"lawyerIds": ["%s", "%s"]}""".formatted(durandId, nguyenId)));
        assertThat(durand.post("/api/lawyer/offers/" + offerId + "/accept", null)
                        .status())
                .as("she must say for which association")
                .isEqualTo(400);
        var accepted = durand.in(ALPHA).post("/api/lawyer/offers/" + offerId + "/accept", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
        var late = nguyen.post("/api/lawyer/offers/" + offerId + "/accept", null);
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("pris par un autre avocat");
        JsonNode taken = offerIn(nguyen, offerId);
        assertThat(taken.get("status").asText())
                .as("the other lawyer sees it taken")
                .isEqualTo("TAKEN");

        Api durandAlpha = durand.in(ALPHA);
        assertThat(durandAlpha.get(appeal.c()).status()).isEqualTo(200);
        JsonNode documents = durandAlpha.get(appeal.c() + "/documents").json();
        assertThat(documents.findValuesAsText("id")).containsExactly(evidence);
        assertThat(durandAlpha.download(appeal.c() + "/documents/" + evidence).statusCode())
                .isEqualTo(200);
        assertThat(durandAlpha.download(appeal.c() + "/documents/" + photo).statusCode())
                .as("a filing formality is no part of the appeal")
                .isEqualTo(404);
        assertThat(durandAlpha.download(appeal.c() + "/documents/" + medical).statusCode())
                .as("a medical piece (health data) is never shown to a lawyer, nor listed above")
                .isEqualTo(404);
        assertThat(durandAlpha.get(appeal.c() + "/tasks").json().findValuesAsText("taskKey"))
                .containsExactly("chooseContentiousStrategy");
        assertThat(coordinator
                        .get(appeal.c() + "/procedure")
                        .json()
                        .get("processes")
                        .findValuesAsText("key"))
                .contains("regularisation", "appeal-contentious");
        assertThat(durandAlpha
                        .get(appeal.c() + "/procedure")
                        .json()
                        .get("processes")
                        .findValuesAsText("key"))
                .as("where the appeal stands, not the rest of the procedure")
                .containsExactly("appeal-contentious");
        for (String path : List.of(
                appeal.c() + "/notes",
                appeal.c() + "/timeline",
                appeal.c() + "/checklist",
                other.c(),
                other.c() + "/tasks",
                "/api/cases",
                "/api/applicants",
                "/api/audit")) {
            assertThat(durandAlpha.get(path).status()).as(path).isIn(403, 404);
        }
        assertThat(durand.in(BETA).get(appeal.c()).status())
                .as("never as another association")
                .isIn(403, 404);
        assertThat(nguyen.get(appeal.c()).status())
                .as("never another lawyer's appeal")
                .isEqualTo(403);
        JsonNode mine = appealIn(durand, appeal);
        assertThat(mine.get("reference").asText()).isEqualTo(appeal.reference());
        assertThat(mine.get("tasks").findValuesAsText("taskKey")).containsExactly("chooseContentiousStrategy");

        var withdrawn = coordinator.post(
                "/api/appeal-offers/" + offerId + "/withdraw",
                "{\"reason\": \"La personne a choisi son propre avocat\"}");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);
        assertThat(durandAlpha.get(appeal.c()).status()).as("grant ended").isEqualTo(403);
        assertThat(durandAlpha.get(appeal.c() + "/tasks").status()).isEqualTo(403);
        assertThat(appealIn(durand, appeal)).isNull();
        String strategy = openTask(coordinator, appeal, "chooseContentiousStrategy");
        assertThat(coordinator
                        .get("/api/tasks/" + strategy)
                        .json()
                        .path("assignee")
                        .isMissingNode())
                .as("her open tasks go back to the coordinators")
                .isTrue();
    }

    @Test
    void theAppealsEndEndsTheGrant() {
        var appeal = AppealFixture.refused(coordinator, runtime, ALPHA);
        consent(appeal);
        String offerId = offered(offer(appeal, nguyenId));
        assertThat(nguyen.post("/api/lawyer/offers/" + offerId + "/accept", null)
                        .status())
                .isEqualTo(204);
        assertThat(nguyen.get(appeal.c()).status()).isEqualTo(200);
        runtime.deleteProcessInstance(appeal.processInstanceId(), "judgment notified");
        assertThat(nguyen.get(appeal.c()).status()).isEqualTo(403);
        assertThat(appealIn(nguyen, appeal)).isNull();
    }

    @Test
    void withdrawnConsentWithdrawsTheOffersAndTheGrants() {
        var open = AppealFixture.refused(coordinator, runtime, ALPHA);
        consent(open);
        String openOffer = offered(offer(open, nguyenId));
        var accepted = AppealFixture.refused(coordinator, runtime, ALPHA);
        consent(accepted);
        String offerId = offered(offer(accepted, durandId));
        assertThat(durand.in(ALPHA)
                        .post("/api/lawyer/offers/" + offerId + "/accept", null)
                        .status())
                .isEqualTo(204);
        assertThat(durand.in(ALPHA).get(accepted.c()).status()).isEqualTo(200);

        assertThat(caseworker
                        .post(open.c() + "/appeal/consent/withdraw", "{\"reason\": \"Retrait par écrit\"}")
                        .status())
                .isEqualTo(204);
        assertThat(offerIn(nguyen, openOffer)).as("offer withdrawn").isNull();
        assertThat(openTaskKeys(coordinator, open))
                .as("back to the coordinator's offer")
                .containsExactly("offerAppealToLawyer");
        var again = offer(open, nguyenId);
        assertThat(again.status()).as("no consent any more").isEqualTo(409);

        assertThat(caseworker
                        .post(accepted.c() + "/appeal/consent/withdraw", "{\"reason\": null}")
                        .status())
                .isEqualTo(204);
        assertThat(durand.in(ALPHA).get(accepted.c()).status())
                .as("grant withdrawn")
                .isEqualTo(403);
        assertThat(caseworker
                        .post(accepted.c() + "/appeal/consent/withdraw", "{}")
                        .status())
                .isEqualTo(409);
        JsonNode standing = coordinator.get(accepted.c() + "/appeal").json();
        assertThat(standing.path("consent").isMissingNode()).isTrue();
        assertThat(standing.get("offers").get(0).get("endReason").asText()).contains("consentement retiré");
    }

    @Test
    void aDeclineCarriesAReasonAndWhenAllDeclineTheCoordinatorOffersAgain() {
        var appeal = AppealFixture.refused(coordinator, runtime, ALPHA);
        consent(appeal);
        String offerId = offered(coordinator.post(appeal.c() + "/appeal/offers", """
                {"lawyerIds": ["%s", "%s"]}""".formatted(durandId, nguyenId)));
        var noReason = nguyen.post("/api/lawyer/offers/" + offerId + "/decline", "{\"reason\": \"\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").has("reason")).isTrue();
        assertThat(nguyen.post("/api/lawyer/offers/" + offerId + "/decline", "{\"reason\": \"Audience le même jour\"}")
                        .status())
                .isEqualTo(204);
        assertThat(offerIn(nguyen, offerId)).isNull();
        assertThat(offerIn(durand, offerId)).isNotNull();
        assertThat(openTaskKeys(coordinator, appeal))
                .as("still offered to the other")
                .containsExactly("acceptAppeal");
        assertThat(durand.in(ALPHA)
                        .post("/api/lawyer/offers/" + offerId + "/decline", "{\"reason\": \"Congés\"}")
                        .status())
                .isEqualTo(204);
        assertThat(openTaskKeys(coordinator, appeal)).containsExactly("offerAppealToLawyer");
        JsonNode standing = coordinator.get(appeal.c() + "/appeal").json();
        assertThat(standing.get("waitingForOffer").asBoolean()).isTrue();
        assertThat(standing.get("offers").get(0).get("status").asText()).isEqualTo("DECLINED");
        assertThat(standing.get("offers").get(0).get("declines").findValuesAsText("reason"))
                .containsExactly("Audience le même jour", "Congés");
    }

    @Test
    void anOfferNobodyAnswersInTimeExpiresAndTheAppealMayBeOfferedAgain() {
        var appeal = AppealFixture.refused(coordinator, runtime, ALPHA);
        consent(appeal);
        String first = offered(coordinator.post(appeal.c() + "/appeal/offers", """
                {"lawyerIds": ["%s"], "offerAcceptanceTime": "PT1H"}""".formatted(nguyenId)));
        var expiry = management
                .createJobQuery()
                .processInstanceId(appeal.processInstanceId())
                .timers()
                .activityId("offerExpired")
                .singleResult();
        assertThat(expiry).as("the model's offer expiry timer").isNotNull();
        management.executeJob(expiry.getId());
        assertThat(openTaskKeys(coordinator, appeal)).containsExactly("offerAppealToLawyer");
        assertThat(offerIn(nguyen, first)).as("gone from the inbox").isNull();
        var late = nguyen.post("/api/lawyer/offers/" + first + "/accept", null);
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        String second = offered(offer(appeal, durandId));
        assertThat(second).isNotEqualTo(first);
        JsonNode offers = coordinator.get(appeal.c() + "/appeal").json().get("offers");
        assertThat(offers.findValuesAsText("status")).containsExactly("OPEN", "EXPIRED");
    }

    @Test
    void onlyTheAssociationsLawyersMayBeOffered() {
        var appeal = AppealFixture.refused(coordinator, runtime, ALPHA);
        consent(appeal);
        for (String stranger : List.of(
                betaLawyerId,
                "not-a-user",
                TestTokens.user("ines2", group(ALPHA, "caseworker")).subject())) {
            var refused = offer(appeal, stranger);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").has("lawyerIds")).isTrue();
        }
        var both = coordinator.post(appeal.c() + "/appeal/offers", """
                {"lawyerIds": ["%s"], "pool": true}""".formatted(durandId));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").has("lawyerIds")).isTrue();
        var duration = coordinator.post(appeal.c() + "/appeal/offers", """
                {"lawyerIds": ["%s"], "offerAcceptanceTime": "4 hours"}""".formatted(durandId));
        assertThat(duration.status()).isEqualTo(400);
        assertThat(duration.json().get("errors").has("offerAcceptanceTime")).isTrue();
        assertThat(betaCoordinator
                        .post(appeal.c() + "/appeal/offers", """
                {"lawyerIds": ["%s"]}""".formatted(betaLawyerId))
                        .status())
                .isEqualTo(404);
        assertThat(openTaskKeys(coordinator, appeal)).as("nothing half-done").containsExactly("offerAppealToLawyer");
    }

    private Api.Response offer(AppealFixture.Case appeal, String lawyerId) {
        return coordinator.post(appeal.c() + "/appeal/offers", "{\"lawyerIds\": [\"" + lawyerId + "\"]}");
    }

    private String offered(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    /** The inbox's offer of that id (other tests' offers are in the same database). */
    private static JsonNode offerIn(Api lawyer, String offerId) {
        JsonNode inbox = lawyer.get("/api/lawyer/inbox").json();
        for (JsonNode offer : inbox.get("offers")) {
            if (offer.get("id").asText().equals(offerId)) {
                return offer;
            }
        }
        return null;
    }

    private static JsonNode appealIn(Api lawyer, AppealFixture.Case appeal) {
        for (JsonNode item : lawyer.get("/api/lawyer/inbox").json().get("appeals")) {
            if (item.get("caseId").asText().equals(appeal.id())) {
                return item;
            }
        }
        return null;
    }

    private void consent(AppealFixture.Case appeal) {
        var consent = caseworker.post(appeal.c() + "/appeal/consent", """
                {"documentNote": "Formulaire de consentement signé le jour du refus"}""");
        assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
    }

    private String upload(AppealFixture.Case appeal, String piece) {
        var document = coordinator.upload(
                appeal.c() + "/checklist/" + piece + "/documents",
                "file",
                piece + ".pdf",
                "application/pdf",
                AppealFixture.PDF.getBytes(StandardCharsets.UTF_8));
        assertThat(document.status()).as(document.toString()).isEqualTo(201);
        return document.json().get("id").asText();
    }

    private static String openTask(Api as, AppealFixture.Case appeal, String key) {
        JsonNode items =
                as.get("/api/tasks?scope=mine-and-groups&size=100").json().get("items");
        for (JsonNode item : items) {
            if (appeal.id().equals(item.get("caseId").asText())
                    && (key == null || key.equals(item.get("taskKey").asText()))) {
                return item.get("id").asText();
            }
        }
        throw new AssertionError("no task " + key + " of " + appeal.id() + " in " + items);
    }

    private List<String> openTaskKeys(Api as, AppealFixture.Case appeal) {
        List<String> keys = new ArrayList<>();
        as.get(appeal.c() + "/tasks")
                .json()
                .forEach(task -> keys.add(task.get("taskKey").asText()));
        keys.remove("prepareCase"); // the main procedure's first step: opening a case starts it
        return keys;
    }
}
