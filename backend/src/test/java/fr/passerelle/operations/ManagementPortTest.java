package fr.passerelle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.TestTokens;
import fr.passerelle.support.TestTokensInitializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * With a management port set apart (MANAGEMENT_SERVER_PORT, as in the deployment files), the probes and
 * the metrics answer there without a token, and only there: the service's port no longer serves them.
 * A context of its own (the port is a start-up setting).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "passerelle.security.issuer=" + TestTokens.ISSUER,
            "passerelle.security.audience=" + TestTokens.AUDIENCE,
            "management.server.port=0"
        })
@ContextConfiguration(initializers = TestTokensInitializer.class)
@ActiveProfiles("test")
class ManagementPortTest {
    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private static HttpResponse<String> get(int port, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/plain, application/json")
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMetricsAndProbesAnswerOnTheManagementPortWithoutAToken() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        var metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("passerelle_engine_timers_due", "hikaricp_connections_active");
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode())
                .isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theServicesPortNoLongerServesThemAndTheManagementPortServesNothingElse() throws Exception {
        assertThat(get(port, "/actuator/prometheus").statusCode()).isIn(401, 404);
        assertThat(get(managementPort, "/api/config").statusCode()).isEqualTo(404);
        assertThat(get(port, "/api/config").statusCode()).isEqualTo(200);
    }
}
