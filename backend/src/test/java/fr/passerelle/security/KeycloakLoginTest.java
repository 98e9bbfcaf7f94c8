package fr.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.Api;
import fr.passerelle.support.Associations;
import fr.passerelle.support.RealKeycloakTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole chain with a real Keycloak (started by infra/test.sh with the demo realm): a
 * demo user logs in through the authorization-code flow with PKCE of the web app's client,
 * and the service accepts the token, reads the association and role from it, and isolates.
 */
@RealKeycloakTest
class KeycloakLoginTest {
    static final String ISSUER = RealKeycloakTest.ISSUER;
    static final String CLIENT = RealKeycloakTest.CLIENT;
    static final String REDIRECT = RealKeycloakTest.REDIRECT;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void demoAssociationsExist() {
        Associations.ensure(jdbc, "accueil-lyon", "droits-marseille", "solidarite-lille");
    }

    private Api login(String username) {
        return Api.at(port).as(KeycloakLogin.accessToken(ISSUER, CLIENT, REDIRECT, username, "demo"));
    }

    @Test
    void aDemoUserLogsInAndTheServiceKnowsTheirAssociationAndRole() {
        JsonNode me = login("ines.lyon").get("/api/me").json();
        assertThat(me.get("username").asText()).isEqualTo("ines.lyon");
        assertThat(me.get("currentAssociation").asText()).isEqualTo("accueil-lyon");
        assertThat(me.get("associations").get(0).get("roles").toString()).isEqualTo("[\"caseworker\"]");
        assertThat(me.get("platformAdmin").asBoolean()).isFalse();
    }

    @Test
    void realTokensKeepAssociationsApart() {
        Api ines = login("ines.lyon");
        var opened = ines.post("/api/cases", """
                {"applicantName": "Amina Diallo", "ground": "L435-1", "department": "69"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String path = "/api/cases/" + opened.json().get("id").asText();

        assertThat(login("claire.coord").get(path).status())
                .as("her coordinator")
                .isEqualTo(200);
        assertThat(login("sofia.marseille").get(path).status())
                .as("another association")
                .isEqualTo(404);
    }

    @Test
    void aLawyerOfTwoAssociationsChoosesOnePerRequest() {
        Api lawyer = login("me.durand");
        JsonNode me = lawyer.get("/api/me").json();
        assertThat(me.get("associations").findValuesAsText("slug"))
                .containsExactlyInAnyOrder("accueil-lyon", "droits-marseille");
        assertThat(me.get("currentAssociation").isNull()).isTrue();
        assertThat(lawyer.in("droits-marseille")
                        .get("/api/me")
                        .json()
                        .get("currentAssociation")
                        .asText())
                .isEqualTo("droits-marseille");
        assertThat(lawyer.in("solidarite-lille").get("/api/me").status()).isEqualTo(403);
    }

    @Test
    void thePlatformAdminIsRecognisedAndBelongsToNoAssociation() {
        JsonNode me = login("admin").get("/api/me").json();
        assertThat(me.get("platformAdmin").asBoolean()).isTrue();
        assertThat(me.get("associations")).isEmpty();
    }
}
