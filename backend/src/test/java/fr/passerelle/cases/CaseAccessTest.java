package fr.passerelle.cases;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The role matrix (docs/api-cases.md, "Roles") on every endpoint of case files, and tenant isolation on every
 * one of them: another association's caller gets 404, as for a case that does not exist.
 */
@ApiTest
class CaseAccessTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Staff staff;

    /** A case with an applicant, a note and a document, as its association's coordinator made them. */
    record Fixture(String caseId, String applicantId, String documentId) {
        String c() {
            return "/api/cases/" + caseId;
        }
    }

    record Call(String name, BiFunction<Api, Fixture, Api.Response> call) {}

    /** Every endpoint, the destructive ones last (each role works on a fixture of its own). */
    static final List<Call> CALLS = List.of(
            new Call("list cases", (api, f) -> api.get("/api/cases")),
            new Call("open case", (api, f) -> api.post("/api/cases", """
                    {"applicantId": "%s", "ground": "L423-23", "department": "69"}""".formatted(f.applicantId()))),
            new Call("get case", (api, f) -> api.get(f.c())),
            new Call("update case", (api, f) -> api.put(f.c(), """
                    {"ground": "L435-1", "department": "69", "prefecture": "Lyon"}""")),
            new Call(
                    "assign case",
                    (api, f) -> api.put(f.c() + "/assignee", """
                    {"userId": "%s"}""".formatted(fr.passerelle.support.TestTokens.user("ines")
                            .subject()))),
            new Call("list notes", (api, f) -> api.get(f.c() + "/notes")),
            new Call("add note", (api, f) -> api.post(f.c() + "/notes", "{\"text\": \"Called the prefecture\"}")),
            new Call("timeline", (api, f) -> api.get(f.c() + "/timeline")),
            new Call("checklist", (api, f) -> api.get(f.c() + "/checklist")),
            new Call("update piece", (api, f) -> api.put(f.c() + "/checklist/photos", "{\"status\": \"RECEIVED\"}")),
            new Call(
                    "override filing check",
                    (api, f) -> api.put(
                            f.c() + "/filing-override",
                            "{\"reason\": \"The prefecture accepts the old proof of address\"}")),
            new Call("list documents", (api, f) -> api.get(f.c() + "/documents")),
            new Call("download document", (api, f) -> {
                var response = api.download(f.c() + "/documents/" + f.documentId());
                return new Api.Response(
                        response.statusCode(),
                        new String(response.body(), StandardCharsets.UTF_8),
                        response.headers().firstValue("Content-Type").orElse(""),
                        "");
            }),
            new Call(
                    "upload document",
                    (api, f) -> api.upload(
                            f.c() + "/checklist/photos/documents",
                            "file",
                            "photo.pdf",
                            "application/pdf",
                            Staff.PDF.getBytes(StandardCharsets.UTF_8))),
            new Call("list applicants", (api, f) -> api.get("/api/applicants")),
            new Call("add applicant", (api, f) -> api.post("/api/applicants", "{\"lastName\": \"Okafor\"}")),
            new Call("get applicant", (api, f) -> api.get("/api/applicants/" + f.applicantId())),
            new Call("update applicant", (api, f) -> api.put("/api/applicants/" + f.applicantId(), Staff.APPLICANT)),
            new Call("withdraw override", (api, f) -> api.delete(f.c() + "/filing-override")),
            new Call("delete document", (api, f) -> api.delete(f.c() + "/documents/" + f.documentId())),
            new Call("delete case", (api, f) -> api.delete(f.c())),
            new Call("delete applicant", (api, f) -> api.delete("/api/applicants/" + f.applicantId())));

    static final List<String> COORDINATOR_ONLY =
            List.of("assign case", "override filing check", "withdraw override", "delete case");

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        staff = new Staff(port);
    }

    @Test
    void aCoordinatorDoesEverything() {
        Fixture fixture = fixture();
        // the applicant's two cases (the fixture's and "open case") must go before the applicant
        Map<String, Integer> expected = expect(call -> call.startsWith("delete applicant") ? 409 : 2);
        check(staff.coordinator, fixture, expected);
    }

    @Test
    void aCaseworkerDoesAllButDeletingAssigningAndOverriding() {
        Map<String, Integer> expected =
                expect(call -> COORDINATOR_ONLY.contains(call) || call.equals("delete applicant") ? 403 : 2);
        check(staff.caseworker, fixture(), expected);
    }

    @Test
    void aLawyerWithoutAGrantReadsNothingAndChangesNothing() {
        check(staff.lawyer, fixture(), expect(call -> 403));
    }

    @Test
    void aPlatformAdminNeverReadsCaseContents() {
        check(staff.admin, fixture(), expect(call -> 403));
    }

    @Test
    void anotherAssociationGetsNotFoundOnEveryEndpointOfACase() {
        Fixture fixture = fixture();
        List<String> notCaseScoped = List.of("list cases", "list applicants", "add applicant");
        check(staff.betaCoordinator, fixture, expect(call -> notCaseScoped.contains(call) ? 2 : 404));
        // a caseworker's role is refused before anything is looked up: 403 tells nothing about the case
        check(
                staff.betaCaseworker,
                fixture,
                expect(call -> notCaseScoped.contains(call)
                        ? 2
                        : COORDINATOR_ONLY.contains(call) || call.equals("delete applicant") ? 403 : 404));
        assertThat(staff.betaCoordinator.get("/api/cases?size=1000").body()).doesNotContain(fixture.caseId());
        assertThat(staff.betaCoordinator.get("/api/applicants?size=1000").body())
                .doesNotContain(fixture.applicantId());

        // and the association's own file is whole
        var checklist = staff.coordinator.get(fixture.c() + "/checklist").json();
        assertThat(checklist.toString()).doesNotContain("Called the prefecture");
        assertThat(staff.coordinator.get(fixture.c() + "/notes").json()).hasSize(1);
        assertThat(staff.coordinator.get(fixture.c() + "/documents").json()).hasSize(1);
        assertThat(staff.coordinator.get(fixture.c()).json().has("assignee")).isFalse();
        assertThat(staff.coordinator.get(fixture.c()).json().has("prefecture")).isTrue();
    }

    private Fixture fixture() {
        var opened = Staff.open(staff.coordinator, null);
        String caseId = opened.get("id").asText();
        assertThat(staff.coordinator
                        .post("/api/cases/" + caseId + "/notes", "{\"text\": \"First meeting\"}")
                        .status())
                .isEqualTo(201);
        var document = staff.coordinator.upload(
                "/api/cases/" + caseId + "/checklist/proof-of-address/documents",
                "file",
                "quittance.pdf",
                "application/pdf",
                Staff.PDF.getBytes(StandardCharsets.UTF_8));
        assertThat(document.status()).as(document.toString()).isEqualTo(201);
        return new Fixture(
                caseId,
                opened.get("applicantId").asText(),
                document.json().get("id").asText());
    }

    /** Expected status per call: 2 stands for any 2xx. */
    private static Map<String, Integer> expect(java.util.function.Function<String, Integer> rule) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        CALLS.forEach(call -> expected.put(call.name(), rule.apply(call.name())));
        return expected;
    }

    private static void check(Api api, Fixture fixture, Map<String, Integer> expected) {
        SoftAssertions soft = new SoftAssertions();
        List<String> seen = new ArrayList<>();
        for (Call call : CALLS) {
            Api.Response response = call.call().apply(api, fixture);
            int want = expected.get(call.name());
            int got = want == 2 ? response.status() / 100 : response.status();
            soft.assertThat(got).as(call.name() + " -> " + response).isEqualTo(want);
            seen.add(call.name());
        }
        soft.assertAll();
        assertThat(seen).hasSize(CALLS.size());
    }
}
