package fr.passerelle.web;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The problem document's shape and language, the error path, and the security headers. */
@ApiTest
class ProblemShapeTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> send(String method, String path, String body, String language) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header(
                        "Authorization",
                        "Bearer "
                                + TestTokens.user("claire", group(ALPHA, "coordinator"))
                                        .token())
                .header("Content-Type", "application/json");
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void fieldsAreNamedWithACodeAndWordedInFrenchUnlessEnglishIsAsked() throws Exception {
        Associations.ensure(jdbc, ALPHA);
        String body = "{\"lastName\": 12345}";
        var french = send("POST", "/api/applicants", body, null);
        assertThat(french.statusCode()).isEqualTo(400);
        assertThat(french.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var problem = JSON.readTree(french.body());
        assertThat(problem.get("title").asText()).isEqualTo("Saisie invalide");
        assertThat(problem.get("errors").get("lastName").asText()).isEqualTo("doit être du texte");
        assertThat(problem.get("errorCodes").get("lastName").asText()).isEqualTo("not_text");
        assertThat(problem.get("detail").asText()).isEqualTo("lastName: doit être du texte");

        var english = JSON.readTree(
                send("POST", "/api/applicants", body, "en-GB,en;q=0.8").body());
        assertThat(english.get("title").asText()).isEqualTo("Invalid input");
        assertThat(english.get("errors").get("lastName").asText()).isEqualTo("must be text");
        assertThat(english.get("errorCodes")).isEqualTo(problem.get("errorCodes"));

        var validation =
                JSON.readTree(send("POST", "/api/applicants", "{\"lastName\": \"x\", \"phone\": \"abc\"}", "en")
                        .body());
        assertThat(validation.get("errors").get("phone").asText()).isEqualTo("must be a phone number");
        assertThat(validation.get("errorCodes").get("phone").asText()).isEqualTo("pattern");
    }

    @Test
    void theErrorPathIsAProblemDocument() throws Exception {
        var error = send("GET", "/error", null, null);
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(error.body()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void theApiAndTheAppCarryTheContentSecurityPolicyAndNoReferrer() throws Exception {
        for (String path : new String[] {"/", "/api/config", "/api/cases"}) {
            var response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String csp =
                    response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp)
                    .as(path)
                    .contains(
                            "default-src 'self'",
                            "script-src 'self'",
                            "frame-ancestors 'none'",
                            "connect-src 'self' http://localhost:8180",
                            "img-src 'self' data:");
            assertThat(csp).as("no inline script").doesNotContain("script-src 'self' 'unsafe-inline'");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .hasValue("no-referrer");
        }
    }
}
