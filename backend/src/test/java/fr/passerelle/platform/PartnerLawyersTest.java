package fr.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.security.KeycloakLogin;
import fr.passerelle.support.Api;
import fr.passerelle.support.Associations;
import fr.passerelle.support.RealKeycloakTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A coordinator manages the association's partner lawyers in the real Keycloak: lea.coord of
 * Lille adds me.durand (already a lawyer of Lyon and Marseille) by her e-mail, then removes her;
 * the Keycloak group is as it was at the end.
 */
@RealKeycloakTest
class PartnerLawyersTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCoordinatorAddsALawyerOfOtherAssociationsByHerEmailAndRemovesHer() {
        Associations.ensure(jdbc, "accueil-lyon", "droits-marseille", "solidarite-lille");
        Api lea = login("lea.coord");
        String durandId = null;
        try {
            assertThat(lea.get("/api/association/lawyers").body())
                    .contains("me.petit")
                    .doesNotContain("me.durand");
            var added = lea.post("/api/association/lawyers", "{\"email\": \"ME.DURAND@demo.passerelle.test\"}");
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            durandId = added.json().get("userId").asText();
            assertThat(lea.get("/api/association/lawyers").body()).contains("me.durand", "me.petit");
            assertThat(lea.get("/api/audit").body()).contains("PARTNER_LAWYER_ADDED", durandId);

            var unknown = lea.post("/api/association/lawyers", "{\"email\": \"nobody@example.org\"}");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().get("errors").has("email")).isTrue();
            assertThat(lea.post("/api/association/lawyers", "{\"email\": \"admin\"}")
                            .status())
                    .as("never a platform admin")
                    .isEqualTo(422);
            assertThat(login("emma.lille")
                            .post("/api/association/lawyers", "{\"email\": \"me.nguyen\"}")
                            .status())
                    .as("a caseworker manages no lawyer")
                    .isEqualTo(403);

            assertThat(lea.delete("/api/association/lawyers/" + durandId).status())
                    .isEqualTo(204);
            assertThat(lea.get("/api/association/lawyers").body()).doesNotContain("me.durand");
            assertThat(lea.delete("/api/association/lawyers/" + durandId).status())
                    .isEqualTo(404);
            durandId = null;
        } finally {
            if (durandId != null) {
                lea.delete("/api/association/lawyers/" + durandId);
            }
        }
    }

    private Api login(String username) {
        return Api.at(port)
                .as(KeycloakLogin.accessToken(
                        RealKeycloakTest.ISSUER, RealKeycloakTest.CLIENT, RealKeycloakTest.REDIRECT, username, "demo"));
    }
}
