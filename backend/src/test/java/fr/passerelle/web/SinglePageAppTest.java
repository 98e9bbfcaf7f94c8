package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service serves the built web app (the frontend jar is on the classpath) and its public settings. */
@ApiTest
class SinglePageAppTest {
    @LocalServerPort
    int port;

    @Test
    void theAppIsServedAtTheRootAndOnItsOwnRoutes() {
        var root = Api.at(port).browsing().get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body()).contains("<div id=\"root\"");
        var route = Api.at(port).browsing().get("/cases/123");
        assertThat(route.status()).isEqualTo(200);
        assertThat(route.body()).isEqualTo(root.body());
    }

    @Test
    void unknownApiPathsAndFilesAreNotTheApp() {
        assertThat(Api.at(port).browsing().get("/missing.js").status()).isEqualTo(404);
        assertThat(Api.at(port).get("/api/nothing-here").status())
                .as("needs a token first")
                .isEqualTo(401);
    }

    @Test
    void theLoginSettingsArePublic() {
        var config = Api.at(port).get("/api/config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("clientId").asText()).isEqualTo("passerelle-web");
        assertThat(config.json().get("realm").asText()).isEqualTo("passerelle");
    }

    @Test
    void theApiDescriptionIsServed() {
        var docs = Api.at(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/cases")).isTrue();
        var taskListParameters =
                docs.json().at("/paths/~1api~1tasks/get/parameters").findValuesAsText("name");
        assertThat(taskListParameters)
                .contains(
                        "scope", "step", "ground", "prefecture", "dueWithinDays", "overdue", "assignee", "page", "size")
                .doesNotContain("parameters");
    }
}
