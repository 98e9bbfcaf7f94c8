package fr.passerelle.platform;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who reaches platform administration, and what a platform admin reaches elsewhere, with test
 * tokens (no Keycloak here: the checks that need none). Every association role is refused on
 * every admin endpoint; a platform admin gets no case content from any endpoint of the service,
 * found by walking its request mappings, so an endpoint added later is checked too.
 */
@ApiTest
class PlatformAdminAccessTest {
    /** What a platform admin may call outside /api/admin: who they are, and the public endpoints. */
    static final List<String> NOT_CASE_CONTENT = List.of(
            "/api/me",
            "/api/config",
            "/api/legal-deadlines",
            // The applicant's page: no account and no association header, its link's token and code open it
            // (StatusLinksTest: any other address answers 404, nothing of a case without the code).
            "/api/status/{association}/{token}",
            "/api/status/{association}/{token}/view",
            "/api/status/{association}/{token}/documents");
    /** Read across the caller's associations, each as itself: refused (403) to one who is a lawyer in none. */
    static final List<String> ACROSS_ASSOCIATIONS = List.of("/api/lawyer/inbox");

    static final String USER = "6f1c4d2e-0000-4000-8000-000000000001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Api api;
    Api admin;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA);
        api = Api.at(port);
        admin = api.as(TestTokens.user("admin").platformAdmin().token());
    }

    record Call(String name, Function<Api, Api.Response> call) {}

    static final List<Call> ADMIN_CALLS = List.of(
            new Call("list associations", a -> a.get("/api/admin/associations")),
            new Call(
                    "create association",
                    a -> a.post(
                            "/api/admin/associations",
                            "{\"slug\": \"refused-"
                                    + UUID.randomUUID().toString().substring(0, 8) + "\", \"name\": \"X\"}")),
            new Call("rename association", a -> a.put("/api/admin/associations/" + ALPHA, "{\"name\": \"X\"}")),
            new Call("list members", a -> a.get("/api/admin/associations/" + ALPHA + "/members")),
            new Call(
                    "add member",
                    a -> a.put("/api/admin/associations/" + ALPHA + "/members/" + USER, "{\"role\": \"coordinator\"}")),
            new Call(
                    "remove member",
                    a -> a.delete("/api/admin/associations/" + ALPHA + "/members/" + USER + "?role=coordinator")),
            new Call("search users", a -> a.get("/api/admin/users?search=a")),
            new Call("platform log", a -> a.get("/api/admin/audit")));

    @Test
    void everyAssociationRoleIsRefusedOnEveryAdminEndpoint() {
        Map<String, Api> callers = Map.of(
                "coordinator",
                        api.as(TestTokens.user("claire", group(ALPHA, "coordinator"))
                                .token()),
                "caseworker",
                        api.as(TestTokens.user("ines", group(ALPHA, "caseworker"))
                                .token()),
                "lawyer",
                        api.as(TestTokens.user("me.durand", group(ALPHA, "lawyer"))
                                .token()),
                "coordinator naming the association",
                        api.as(TestTokens.user("claire", group(ALPHA, "coordinator"))
                                        .token())
                                .in(ALPHA),
                "user of no association", api.as(TestTokens.user("nobody").token()));
        SoftAssertions soft = new SoftAssertions();
        callers.forEach((who, caller) -> ADMIN_CALLS.forEach(call -> {
            Api.Response response = call.call().apply(caller);
            soft.assertThat(response.status())
                    .as(who + ": " + call.name() + " -> " + response)
                    .isEqualTo(403);
            soft.assertThat(response.contentType()).as(who + ": " + call.name()).startsWith("application/problem+json");
        }));
        ADMIN_CALLS.forEach(call -> soft.assertThat(call.call().apply(api).status())
                .as("no token: " + call.name())
                .isEqualTo(401));
        soft.assertAll();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app.associations WHERE slug LIKE 'refused-%'", Long.class))
                .isZero();
    }

    @Test
    void aPlatformAdminGetsNoCaseContentFromAnyEndpoint() {
        Api coordinator =
                api.as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        var opened = coordinator.post("/api/cases", """
                {"applicantName": "Amina Diallo", "ground": "L435-1", "department": "69"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.json().get("id").asText();

        List<String> checked = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            for (String pattern : mapping.getPatternValues()) {
                if (!pattern.startsWith("/api/")
                        || pattern.startsWith("/api/admin/")
                        || NOT_CASE_CONTENT.contains(pattern)) {
                    continue;
                }
                if (ACROSS_ASSOCIATIONS.contains(pattern)) {
                    soft.assertThat(admin.get(pattern).status()).as(pattern).isEqualTo(403);
                    checked.add("GET " + pattern);
                    continue;
                }
                String path = fill(pattern, caseId);
                boolean multipart = mapping.getConsumesCondition().getConsumableMediaTypes().stream()
                        .anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
                for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
                    String name = method + " " + pattern;
                    checked.add(name);
                    // Naming an association they are not in: refused before anything is looked up.
                    Api.Response inAlpha = send(admin.in(ALPHA), method, path, multipart);
                    soft.assertThat(inAlpha.status())
                            .as(name + " with X-Association -> " + inAlpha)
                            .isEqualTo(403);
                    // Naming none: they have none, so no tenant resource answers.
                    Api.Response none = send(admin, method, path, multipart);
                    soft.assertThat(none.status()).as(name + " -> " + none).isEqualTo(400);
                    if (method == RequestMethod.GET) {
                        soft.assertThat(none.body()).as(name).contains("X-Association");
                    }
                }
            }
        }
        soft.assertAll();
        assertThat(checked)
                .as("the case endpoints were found")
                .contains("GET /api/cases", "GET /api/cases/{id}", "GET /api/audit");
        assertThat(coordinator.get("/api/cases/" + caseId).status())
                .as("the case is intact")
                .isEqualTo(200);
    }

    @Test
    void anAdminStillSeesWhoTheyAreAndThePublicEndpoints() {
        var me = admin.get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("platformAdmin").asBoolean()).isTrue();
        assertThat(me.json().get("associations")).isEmpty();
        assertThat(admin.get("/api/admin/associations").json().findValuesAsText("slug"))
                .contains(ALPHA);
    }

    @Test
    void badInputIsRefusedNamingTheFieldBeforeKeycloakIsAsked() {
        var badSlug = admin.post("/api/admin/associations", "{\"slug\": \"Bad_Slug\", \"name\": \"X\"}");
        assertThat(badSlug.status()).isEqualTo(400);
        assertThat(badSlug.json().get("errors").has("slug"))
                .as(badSlug.toString())
                .isTrue();
        for (String slug : List.of("a", "-abc", "abc-" + "x".repeat(60), "abc def")) {
            assertThat(admin.post("/api/admin/associations", "{\"slug\": \"" + slug + "\", \"name\": \"X\"}")
                            .status())
                    .as(slug)
                    .isEqualTo(400);
        }
        var noName = admin.post("/api/admin/associations", "{\"slug\": \"no-name\", \"name\": \"  \"}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").has("name"))
                .as(noName.toString())
                .isTrue();

        var duplicate = admin.post("/api/admin/associations", "{\"slug\": \"" + ALPHA + "\", \"name\": \"Again\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("errors").has("slug"))
                .as(duplicate.toString())
                .isTrue();
        assertThat(jdbc.queryForObject("SELECT name FROM app.associations WHERE slug = ?", String.class, ALPHA))
                .as("the existing association is left as it was")
                .isNotEqualTo("Again");

        var badRole = admin.put("/api/admin/associations/" + ALPHA + "/members/" + USER, "{\"role\": \"boss\"}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("errors").has("role"))
                .as(badRole.toString())
                .isTrue();
        var badRoleRemoved = admin.delete("/api/admin/associations/" + ALPHA + "/members/" + USER + "?role=boss");
        assertThat(badRoleRemoved.status()).isEqualTo(400);
        assertThat(badRoleRemoved.json().get("errors").has("role"))
                .as(badRoleRemoved.toString())
                .isTrue();

        var unknown = admin.get("/api/admin/associations/no-such-association/members");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("errors").has("slug"))
                .as(unknown.toString())
                .isTrue();
        assertThat(admin.put("/api/admin/associations/no-such-association", "{\"name\": \"X\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void withoutKeycloakACreationLeavesNothingBehind() {
        // This context has no secret for Keycloak's admin API (or, if one is set, no reachable Keycloak).
        String slug = "orphan-" + UUID.randomUUID().toString().substring(0, 8);
        var response = admin.post("/api/admin/associations", "{\"slug\": \"" + slug + "\", \"name\": \"Orphan\"}");
        assertThat(response.status()).as(response.toString()).isIn(502, 503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app.associations WHERE slug = ?", Long.class, slug))
                .as("no row without its groups")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM app.platform_audit_events WHERE association = ?", Long.class, slug))
                .as("no log entry for what did not happen")
                .isZero();
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** A path for a pattern: the case's id for a case, a piece of its checklist, an event, random ids for the rest. */
    private static String fill(String pattern, String caseId) {
        Matcher variable = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            boolean isCase = name.equals("caseId") || name.equals("id") && pattern.startsWith("/api/cases/{id}");
            String value = isCase
                    ? caseId
                    : name.equals("piece")
                            ? "photos"
                            : name.equals("event")
                                    ? "decision-notified"
                                    : UUID.randomUUID().toString();
            variable.appendReplacement(path, value);
        }
        variable.appendTail(path);
        return path.toString();
    }

    private static Api.Response send(Api as, RequestMethod method, String path, boolean multipart) {
        if (multipart) {
            return as.upload(
                    path, "file", "photo.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
        }
        String body = method == RequestMethod.POST || method == RequestMethod.PUT ? "{}" : null;
        return as.send(method.name(), path, body);
    }
}
