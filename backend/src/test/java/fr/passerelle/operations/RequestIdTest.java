package fr.passerelle.operations;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every answer names its request, and the logs name the request and the association, not the people. */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LoggingSystem logging;

    private HttpResponse<String> get(String path, String requestId, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token).header("X-Association", ALPHA);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAnswerCarriesAnIdTheProxysWhenItLooksLikeOne() throws Exception {
        String generated = get("/api/config", null, null)
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();
        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(get("/api/config", null, null).headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(next -> assertThat(next).isNotEqualTo(generated));

        assertThat(get("/api/cases", "proxy-7f3a9c2e", null).headers().firstValue("X-Request-Id"))
                .as("a refused request has one too")
                .hasValue("proxy-7f3a9c2e");
        assertThat(get("/api/config", "bad id;<script>", null).headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void theRequestsLineNamesItsIdAndAssociationButNotWhatWasSearched(CapturedOutput output) throws Exception {
        Associations.ensure(jdbc, ALPHA);
        String token = TestTokens.user("ines", group(ALPHA, "caseworker")).token();
        logging.setLogLevel(RequestIds.class.getName(), LogLevel.DEBUG);
        try {
            var answer = get(
                    "/api/cases?q=" + URLEncoder.encode("Traoré", StandardCharsets.UTF_8), "test-request-0001", token);
            assertThat(answer.statusCode()).isEqualTo(200);
        } finally {
            logging.setLogLevel(RequestIds.class.getName(), null);
        }
        assertThat(output.getOut().lines().filter(line -> line.contains("test-request-0001")))
                .anySatisfy(line -> assertThat(line)
                        .contains("[" + ALPHA + "] [test-request-0001]")
                        .contains("GET /api/cases answered 200"))
                .noneSatisfy(line -> assertThat(line).containsAnyOf("Traoré", "Traor", "q="));
    }
}
