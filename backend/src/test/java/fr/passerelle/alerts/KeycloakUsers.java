package fr.passerelle.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.support.RealKeycloakTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The demo realm's users, read and made through the Keycloak Admin REST API with the realm's
 * service-account client (as the service itself does): ids of demo users, and users of a test's own.
 */
final class KeycloakUsers {
    private static final String BASE = "http://localhost:8180";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakUsers() {}

    static String id(String username) {
        JsonNode users = get("/admin/realms/passerelle/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8));
        if (users.isEmpty()) {
            throw new IllegalStateException("No demo user " + username);
        }
        return users.get(0).get("id").asText();
    }

    /** A new enabled user with an e-mail address and a language; its id. */
    static String create(String username, String email, String locale) {
        String body = """
                {"username": "%s", "email": "%s", "emailVerified": true, "firstName": "Jane", "lastName": "Doe",
                 "enabled": true, "attributes": {"locale": ["%s"]}}""".formatted(username, email, locale);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(BASE + "/admin/realms/passerelle/users"))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("User not created: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static void delete(String id) {
        send(HttpRequest.newBuilder(URI.create(BASE + "/admin/realms/passerelle/users/" + id))
                .header("Authorization", "Bearer " + token())
                .DELETE()
                .build());
    }

    private static JsonNode get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + token())
                .GET()
                .build());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(BASE + "/realms/passerelle/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=passerelle-admin-api"
                        + "&client_secret=" + RealKeycloakTest.DEMO_ADMIN_API_SECRET))
                .build());
        try {
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
