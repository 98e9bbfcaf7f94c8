package fr.passerelle.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the running service over real HTTP, as a given user, for a given association. */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String baseUrl;
    private final String token;
    private final String association;
    private final String accept;

    private Api(String baseUrl, String token, String association, String accept) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.association = association;
        this.accept = accept;
    }

    public static Api at(int port) {
        return new Api("http://127.0.0.1:" + port, null, null, "application/json, application/problem+json");
    }

    public Api as(String token) {
        return new Api(baseUrl, token, association, accept);
    }

    /** Sends {@code X-Association}: the association the request is for. */
    public Api in(String association) {
        return new Api(baseUrl, token, association, accept);
    }

    /** Asks for pages, as a browser does. */
    public Api browsing() {
        return new Api(baseUrl, token, association, "text/html,*/*");
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Uploads one file as the multipart part {@code part}, with the given declared type. */
    public Response upload(String path, String part, String filename, String contentType, byte[] content) {
        String boundary = "----passerelle-test-" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary));
        HttpResponse<String> response = call(request, HttpResponse.BodyHandlers.ofString());
        return new Response(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Content-Type").orElse(""),
                "");
    }

    /** A binary download: status, headers and the bytes. */
    public HttpResponse<byte[]> download(String path) {
        return call(
                authorized(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (association != null) {
            request.header("X-Association", association);
        }
        return request;
    }

    private static <T> HttpResponse<T> call(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Accept", accept);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (association != null) {
            request.header("X-Association", association);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType, String wwwAuthenticate) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
