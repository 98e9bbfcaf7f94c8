package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API description as the service serves it, written to {@code target/openapi.json} for
 * Spectral (infra/spectral, run by infra/test.sh after this build).
 */
@ApiTest
class ApiDescriptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void everyOperationHasASummaryATagAndAnIdAndTheDescriptionIsWrittenForSpectral() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode description = JSON.readTree(response.body());
        Path file = Path.of("target", "openapi.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(description));

        List<String> declared = new ArrayList<>();
        description.get("tags").forEach(tag -> declared.add(tag.get("name").asText()));
        List<String> lacking = new ArrayList<>();
        description
                .get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    JsonNode op = operation.getValue();
                    String name = operation.getKey().toUpperCase() + " " + path.getKey();
                    if (!op.hasNonNull("summary") || op.get("summary").asText().isBlank()) {
                        lacking.add(name + ": summary");
                    }
                    if (!op.has("tags") || op.get("tags").isEmpty()) {
                        lacking.add(name + ": tag");
                    }
                    op.path("tags").forEach(tag -> {
                        if (!declared.contains(tag.asText())) {
                            lacking.add(name + ": tag '" + tag.asText() + "' not declared in ApiDescription");
                        }
                    });
                }));
        assertThat(description.get("paths").size()).as("paths described").isGreaterThan(40);
        assertThat(lacking).isEmpty();
    }
}
