package fr.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.security.KeycloakLogin;
import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.support.Associations;
import fr.passerelle.support.RealKeycloakTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Platform administration against the real Keycloak (started by infra/test.sh with the demo
 * realm): the platform admin {@code admin} creates an association, which makes its groups;
 * gives a demo user a role in it, which their next token carries; takes it away again. The
 * realm is imported fresh at every Keycloak start, and each test makes associations of its own.
 */
@RealKeycloakTest
class PlatformAdminKeycloakTest {
    /** A demo caseworker of Lille whom no other test logs in with: the one given roles here. */
    static final String MEMBER = "yanis.lille";

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KeycloakAdmin keycloak;

    Api admin;
    String slug;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, "accueil-lyon", "droits-marseille", "solidarite-lille");
        admin = login("admin");
        slug = uniqueSlug();
    }

    /** Whatever a failed test left, the demo user leaves the association made for it. */
    @AfterEach
    void memberLeaves() {
        if (jdbc.queryForObject("SELECT count(*) FROM app.associations WHERE slug = ?", Long.class, slug) > 0) {
            admin.delete(members() + "/" + userId(MEMBER));
        }
    }

    @Test
    void aPlatformAdminCreatesAnAssociationAndGivesAUserARoleThatTheirNextTokenCarries() {
        var created = admin.post(
                "/api/admin/associations", "{\"slug\": \"" + slug + "\", \"name\": \"  Accueil Test " + slug + " \"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo("Accueil Test " + slug);
        assertThat(admin.get("/api/admin/associations").json().findValuesAsText("slug"))
                .contains(slug);
        assertGroupsLikeTheDemoRealm("Accueil Test " + slug);
        assertThat(admin.get(members()).json())
                .as("a new association has no members")
                .isEmpty();

        String member = userId(MEMBER);
        var added = admin.put(members() + "/" + member, "{\"role\": \"coordinator\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("roles").toString()).isEqualTo("[\"coordinator\"]");
        assertThat(admin.put(members() + "/" + member, "{\"role\": \"coordinator\"}")
                        .status())
                .as("giving a role held again changes nothing")
                .isEqualTo(200);
        JsonNode listed = admin.get(members()).json();
        assertThat(listed.findValuesAsText("username")).containsExactly(MEMBER);
        assertThat(listed.get(0).get("roles").toString()).isEqualTo("[\"coordinator\"]");

        // The user logs in again: the token lists the group and the group's realm role; /api/me shows it.
        String token = token(MEMBER);
        JsonNode claims = claims(token);
        assertThat(claims.get("groups").toString()).contains("/associations/" + slug + "/coordinator");
        assertThat(claims.get("realm_access").get("roles").toString()).contains("coordinator");
        Api user = Api.at(port).as(token);
        JsonNode me = user.get("/api/me").json();
        assertThat(me.get("associations").findValuesAsText("slug")).containsExactlyInAnyOrder("solidarite-lille", slug);
        JsonNode inNew = user.in(slug).get("/api/me").json();
        assertThat(inNew.get("currentAssociation").asText()).isEqualTo(slug);
        assertThat(user.in(slug).get("/api/cases").status())
                .as("a coordinator there now")
                .isEqualTo(200);

        var removed = admin.delete(members() + "/" + member + "?role=coordinator");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(admin.get(members()).json()).isEmpty();
        Api again = login(MEMBER);
        assertThat(again.get("/api/me").json().get("associations").findValuesAsText("slug"))
                .containsExactly("solidarite-lille");
        assertThat(again.in(slug).get("/api/me").status())
                .as("no longer a member")
                .isEqualTo(403);

        JsonNode log = admin.get("/api/admin/audit?association=" + slug).json();
        assertThat(log.findValuesAsText("action"))
                .containsExactly("MEMBER_REMOVED", "MEMBER_ADDED", "ASSOCIATION_CREATED");
        assertThat(log.get(0).get("targetUserId").asText()).isEqualTo(member);
        assertThat(log.get(0).get("actorName").asText()).isEqualTo("admin");
        assertThat(log.get(0).get("detail").asText()).isEqualTo(MEMBER + " as coordinator");
    }

    @Test
    void severalRolesAndTheirRemovalAllAtOnce() {
        create(slug);
        String member = userId(MEMBER);
        assertThat(admin.put(members() + "/" + member, "{\"role\": \"caseworker\"}")
                        .status())
                .isEqualTo(200);
        var both = admin.put(members() + "/" + member, "{\"role\": \"lawyer\"}");
        assertThat(both.json().get("roles").toString()).isEqualTo("[\"caseworker\",\"lawyer\"]");
        assertThat(admin.delete(members() + "/" + member).status()).isEqualTo(204);
        assertThat(admin.get(members()).json()).isEmpty();
        assertThat(admin.delete(members() + "/" + member).status())
                .as("removing a non-member")
                .isEqualTo(204);
    }

    @Test
    void renamingChangesTheNameInBothPlaces() {
        create(slug);
        var renamed = admin.put("/api/admin/associations/" + slug, "{\"name\": \"Nouveau nom\"}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Nouveau nom");
        assertGroupsLikeTheDemoRealm("Nouveau nom");
        assertThat(admin.get("/api/admin/audit?association=" + slug)
                        .json()
                        .get(0)
                        .get("action")
                        .asText())
                .isEqualTo("ASSOCIATION_RENAMED");
    }

    /** Keycloak had the groups (an attempt whose commit failed, or groups made by hand): the creation adopts them. */
    @Test
    void aCreationReusesTheGroupsAnEarlierAttemptLeft() {
        keycloak.ensureAssociationGroups(slug, "Left by an interrupted attempt");
        String groupId = keycloak.groupByPath("/associations/" + slug + "/caseworker")
                .orElseThrow()
                .id();
        create(slug);
        assertGroupsLikeTheDemoRealm("Association " + slug);
        assertThat(keycloak.groupByPath("/associations/" + slug + "/caseworker")
                        .orElseThrow()
                        .id())
                .as("the same group, not a second one")
                .isEqualTo(groupId);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        create(slug);
        SoftAssertions soft = new SoftAssertions();
        expect(soft, admin.post("/api/admin/associations", "{\"slug\": \"Not_A_Slug\", \"name\": \"X\"}"), 400, "slug");
        expect(
                soft,
                admin.post("/api/admin/associations", "{\"slug\": \"" + slug + "\", \"name\": \"X\"}"),
                409,
                "slug");
        String member = userId(MEMBER);
        expect(soft, admin.put(members() + "/" + member, "{\"role\": \"admin\"}"), 400, "role");
        expect(soft, admin.put(members() + "/" + member, "{}"), 400, "role");
        expect(soft, admin.delete(members() + "/" + member + "?role=admin"), 400, "role");
        expect(soft, admin.put(members() + "/" + UUID.randomUUID(), "{\"role\": \"caseworker\"}"), 404, "userId");
        expect(soft, admin.delete(members() + "/" + UUID.randomUUID()), 404, "userId");
        expect(
                soft,
                admin.put(
                        "/api/admin/associations/no-such-" + slug + "/members/" + member, "{\"role\": \"caseworker\"}"),
                404,
                "slug");
        String adminId = admin.get("/api/me").json().get("userId").asText();
        expect(soft, admin.put(members() + "/" + adminId, "{\"role\": \"coordinator\"}"), 422, "userId");
        soft.assertAll();
        assertThat(admin.get(members()).json()).as("nothing was added").isEmpty();
    }

    @Test
    void aCoordinatorIsRefusedOnEveryAdminEndpoint() {
        create(slug);
        Api coordinator = login("claire.coord");
        String member = userId(MEMBER);
        SoftAssertions soft = new SoftAssertions();
        for (Api.Response response : List.of(
                coordinator.get("/api/admin/associations"),
                coordinator.post("/api/admin/associations", "{\"slug\": \"" + uniqueSlug() + "\", \"name\": \"X\"}"),
                coordinator.put("/api/admin/associations/" + slug, "{\"name\": \"X\"}"),
                coordinator.get(members()),
                coordinator.put(members() + "/" + member, "{\"role\": \"caseworker\"}"),
                coordinator.delete(members() + "/" + member),
                coordinator.get("/api/admin/users?search=yanis"),
                coordinator.get("/api/admin/audit"))) {
            soft.assertThat(response.status()).as(response.toString()).isEqualTo(403);
        }
        soft.assertAll();
        assertThat(admin.get(members()).json()).isEmpty();
    }

    @Test
    void thePlatformAdminFindsUsersToAdd() {
        JsonNode found = admin.get("/api/admin/users?search=yanis").json();
        assertThat(found.findValuesAsText("username")).containsExactly(MEMBER);
        assertThat(found.get(0).get("name").asText()).isEqualTo("Yanis Mercier");
        assertThat(found.get(0).get("email").asText()).isEqualTo("yanis.lille@demo.passerelle.test");
        assertThat(admin.get("/api/admin/users?search=Mercier").json().findValuesAsText("username"))
                .as("by last name, whatever the case")
                .containsExactly(MEMBER);
        assertThat(admin.get("/api/admin/users?search=s.lil").json().findValuesAsText("username"))
                .as("anywhere in the username")
                .containsExactly(MEMBER);
        assertThat(admin.get("/api/admin/users?search=demo.passerelle.test&max=3")
                        .json())
                .hasSize(3);
    }

    /** The service account's tokens are for Keycloak's admin API (audience realm-management), not for the service. */
    @Test
    void theServiceAccountCannotCallTheService() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(RealKeycloakTest.ISSUER + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
                                        + "&client_id=passerelle-admin-api&client_secret="
                                        + RealKeycloakTest.DEMO_ADMIN_API_SECRET))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = JSON.readTree(response.body()).get("access_token").asText();
        assertThat(claims(token).get("aud").toString()).doesNotContain("passerelle-api");
        assertThat(Api.at(port).as(token).get("/api/admin/associations").status())
                .isEqualTo(401);
    }

    private void create(String slug) {
        var created = admin.post(
                "/api/admin/associations", "{\"slug\": \"" + slug + "\", \"name\": \"Association " + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** As the demo realm's: the association's group with its display name, one group per role with that realm role. */
    private void assertGroupsLikeTheDemoRealm(String displayName) {
        KeycloakAdmin.Group group =
                keycloak.groupByPath("/associations/" + slug).orElseThrow();
        assertThat(group.attributes().get("displayName")).containsExactly(displayName);
        for (Role role : Role.values()) {
            KeycloakAdmin.Group roleGroup =
                    keycloak.groupByPath(group.path() + "/" + role.groupName()).orElseThrow();
            assertThat(roleGroup.realmRoles()).containsExactly(role.groupName());
        }
    }

    private static void expect(SoftAssertions soft, Api.Response response, int status, String field) {
        soft.assertThat(response.status()).as(response.toString()).isEqualTo(status);
        if (response.contentType().startsWith("application/problem+json")) {
            soft.assertThat(response.json().path("errors").has(field))
                    .as(field + " named in " + response)
                    .isTrue();
        } else {
            soft.fail("not a problem document: " + response);
        }
    }

    private String members() {
        return "/api/admin/associations/" + slug + "/members";
    }

    private String userId(String username) {
        JsonNode found = admin.get("/api/admin/users?search=" + username).json();
        for (JsonNode user : found) {
            if (username.equals(user.get("username").asText())) {
                return user.get("userId").asText();
            }
        }
        throw new AssertionError("no user " + username + " in " + found);
    }

    private static String uniqueSlug() {
        return "t-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private Api login(String username) {
        return Api.at(port).as(token(username));
    }

    private static String token(String username) {
        return KeycloakLogin.accessToken(
                RealKeycloakTest.ISSUER, RealKeycloakTest.CLIENT, RealKeycloakTest.REDIRECT, username, "demo");
    }

    private static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
