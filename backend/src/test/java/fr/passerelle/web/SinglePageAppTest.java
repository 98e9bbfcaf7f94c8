package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
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
    void aHashedAssetIsSentPrecompressedAndCachedForAYear() throws Exception {
        byte[] plain = fixture("");
        var brotli = fetch(ASSET, "br, gzip");
        assertThat(brotli.statusCode()).isEqualTo(200);
        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(brotli.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(brotli.headers().allValues("Vary"))
                .anySatisfy(vary -> assertThat(vary).contains("Accept-Encoding"));
        assertThat(brotli.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        assertThat(brotli.body()).isEqualTo(fixture(".br")).hasSizeLessThan(plain.length / 4);

        var gzip = fetch(ASSET, "gzip");
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }

        var identity = fetch(ASSET, null);
        assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(identity.body()).isEqualTo(plain);
    }

    @Test
    void thePageItselfIsNeverCachedLong() throws Exception {
        for (String path : new String[] {"/", "/cases/123"}) {
            var page = fetch(path, "br, gzip");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
        }
    }

    @Test
    void unknownApiPathsAndFilesAreNotTheApp() {
        assertThat(Api.at(port).browsing().get("/missing.js").status()).isEqualTo(404);
        assertThat(Api.at(port).get("/api/nothing-here").status())
                .as("needs a token first")
                .isEqualTo(401);
    }

    private static final String ASSET = "/assets/fixture-T3st0nly.js";

    private HttpResponse<byte[]> fetch(String path, String acceptEncoding) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The test's stand-in asset (src/test/resources/static/assets), as stored with the given suffix. */
    private static byte[] fixture(String suffix) throws Exception {
        try (var in = SinglePageAppTest.class.getResourceAsStream("/static" + ASSET + suffix)) {
            return in.readAllBytes();
        }
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
