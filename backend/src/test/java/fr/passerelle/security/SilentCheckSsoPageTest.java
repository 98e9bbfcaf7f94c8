package fr.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The silent sign-in check's page may be framed by the app, and by nothing else; its script runs. */
@ApiTest
class SilentCheckSsoPageTest {
    @LocalServerPort
    int port;

    @Test
    void thePageIsPublicFramedByTheAppOnlyAndItsScriptAllowedByItsHash() throws Exception {
        var page = get("/silent-check-sso.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        var script = Pattern.compile("<script>(.*)</script>").matcher(page.body());
        assertThat(script.find()).isTrue();
        assertThat(script.group(1)).contains("postMessage(location.href, location.origin)");
        String hash = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'", "script-src 'sha256-" + hash + "'", "frame-ancestors 'self'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void theAppFramesKeycloakAndItsOwnPageButIsFramedByNothing() throws Exception {
        var app = get("/cases/123");
        assertThat(app.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(app.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-src 'self' http://localhost:8180", "frame-ancestors 'none'");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
