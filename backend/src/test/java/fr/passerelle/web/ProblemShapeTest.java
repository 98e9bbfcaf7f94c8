package fr.passerelle.web;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The problem document's shape and language (French unless the request asks for English, and then
 * English throughout: real answers checked with {@link Languages}), the error path, and the
 * security headers.
 */
@ApiTest
class ProblemShapeTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> send(String method, String path, String body, String language) throws Exception {
        return send(
                method,
                path,
                body,
                language,
                TestTokens.user("claire", group(ALPHA, "coordinator")).token());
    }

    private HttpResponse<String> send(String method, String path, String body, String language, String token)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
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

    private Answer answer(String method, String path, String body, String language) throws Exception {
        Associations.ensure(jdbc, ALPHA);
        return answer(
                method,
                path,
                body,
                language,
                TestTokens.user("claire", group(ALPHA, "coordinator")).token());
    }

    private Answer answer(String method, String path, String body, String language, String token) throws Exception {
        HttpResponse<String> response = send(method, path, body, language, token);
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    record Answer(int status, JsonNode problem) {
        /** Title, detail and every field message. */
        List<String> texts() {
            List<String> texts = new ArrayList<>();
            texts.add(problem.path("title").asText());
            texts.add(problem.path("detail").asText());
            problem.path("errors").forEach(message -> texts.add(message.asText()));
            return texts;
        }

        void isFrench() {
            assertThat(texts())
                    .as(problem.toString())
                    .allSatisfy(text ->
                            assertThat(Languages.englishIn(text)).as(text).isEmpty());
        }

        void isEnglish() {
            assertThat(texts())
                    .as(problem.toString())
                    .allSatisfy(text ->
                            assertThat(Languages.frenchIn(text)).as(text).isEmpty());
        }
    }

    @Test
    void aCaseThatIsNotThereIsAnsweredInFrenchByDefaultAndInEnglishWhenAsked() throws Exception {
        String path = "/api/cases/" + UUID.randomUUID();
        Answer french = answer("GET", path, null, null);
        assertThat(french.status()).isEqualTo(404);
        assertThat(french.problem().get("title").asText()).isEqualTo("Introuvable");
        assertThat(french.problem().get("detail").asText()).startsWith("Aucun dossier ");
        french.isFrench();

        Answer english = answer("GET", path, null, "en-GB,en;q=0.9,fr;q=0.5");
        assertThat(english.problem().get("title").asText()).isEqualTo("Not found");
        assertThat(english.problem().get("detail").asText()).startsWith("No case ");
        english.isEnglish();

        assertThat(answer("GET", path, null, "fr-FR,fr;q=0.9,en;q=0.8")
                        .problem()
                        .get("title")
                        .asText())
                .as("French preferred to English")
                .isEqualTo("Introuvable");
        assertThat(answer("GET", path, null, "de").problem().get("title").asText())
                .as("neither: French")
                .isEqualTo("Introuvable");
    }

    @Test
    void anEventTheCaseIsNotWaitingForIsAConflictWordedInTheUsersLanguage() throws Exception {
        Answer opened = answer("POST", "/api/cases", """
                {"applicantName": "Awa Traoré", "ground": "L435-1", "department": "69"}""", null);
        assertThat(opened.status()).as(opened.problem().toString()).isEqualTo(201);
        String event = "/api/cases/" + opened.problem().get("id").asText() + "/events/decision-notified";
        String decision = """
                {"decisionOutcome": "REFUSED", "notificationMode": "HAND", "decisionNotifiedDate": "2026-03-02"}""";

        Answer french = answer("POST", event, decision, null);
        assertThat(french.status()).isEqualTo(409);
        assertThat(french.problem().get("title").asText()).isEqualTo("Conflit");
        assertThat(french.problem().get("detail").asText())
                .isEqualTo("Le dossier n’attend pas l’événement « decision-notified » à cette étape :"
                        + " la demande n’est pas encore déposée");
        french.isFrench();

        Answer english = answer("POST", event, decision, "en");
        assertThat(english.problem().get("title").asText()).isEqualTo("Conflict");
        assertThat(english.problem().get("detail").asText())
                .isEqualTo(
                        "The case is not waiting for “decision-notified” at this step: the application is not filed");
        english.isEnglish();
    }

    @Test
    void refusedInputNamesEachFieldInTheUsersLanguageValidatorMessagesToo() throws Exception {
        String body = """
                {"applicantName": "%s", "ground": "L435-1", "department": "6"}""".formatted("x".repeat(201));
        Answer french = answer("POST", "/api/cases", body, null);
        assertThat(french.status()).isEqualTo(400);
        assertThat(french.problem().get("title").asText()).isEqualTo("Saisie invalide");
        assertThat(french.problem().get("errors").get("department").asText())
                .isEqualTo("doit être un code de département français comme 69, 2A ou 974");
        assertThat(french.problem().get("errors").get("applicantName").asText())
                .isEqualTo("doit avoir une longueur de 1 à 200");
        assertThat(french.problem().get("errorCodes").get("applicantName").asText())
                .isEqualTo("size");
        french.isFrench();

        Answer english = answer("POST", "/api/cases", body, "en");
        assertThat(english.problem().get("errors").get("department").asText())
                .isEqualTo("must be a French department code such as 69, 2A or 974");
        assertThat(english.problem().get("errors").get("applicantName").asText())
                .isEqualTo("must have a length from 1 to 200");
        assertThat(english.problem().get("errorCodes"))
                .isEqualTo(french.problem().get("errorCodes"));
        english.isEnglish();
    }

    @Test
    void theServicesOwnRefusalsAreWordedToo() throws Exception {
        Answer noToken = answer("GET", "/api/cases", null, null, null);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.problem().get("detail").asText()).isEqualTo("Un jeton d’accès valide est nécessaire");
        answer("GET", "/api/cases", null, "en", null).isEnglish();

        Answer method = answer("PATCH", "/api/cases", "{}", null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.problem().get("title").asText()).isEqualTo("Méthode non permise");
        method.isFrench();
        Answer englishMethod = answer("PATCH", "/api/cases", "{}", "en");
        assertThat(englishMethod.problem().get("detail").asText()).startsWith("This address does not take");
        englishMethod.isEnglish();
    }
}
