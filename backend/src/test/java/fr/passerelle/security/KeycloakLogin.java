package fr.passerelle.security;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Logs a user in to Keycloak the way a browser does with the public web client
 * (authorization code + PKCE S256), for tests that need a real access token. The client
 * allows no password grant, so this walks the login page: GET the authorization endpoint,
 * POST the login form, take the code from the redirect (not followed: its target need not
 * run) and exchange it with the verifier.
 */
public final class KeycloakLogin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LOGIN_FORM =
            Pattern.compile("<form[^>]*\\sid=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\saction=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    /** The message a Keycloak page shows the user (a field error or the error page's text). */
    private static final Pattern PAGE_MESSAGE =
            Pattern.compile("(?:kc-feedback-text\"|id=\"kc-error-message\")[^>]*>\\s*(?:<p[^>]*>\\s*)?([^<]+?)\\s*<");

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private KeycloakLogin() {}

    /**
     * @param issuerUrl the realm's issuer, e.g. {@code http://localhost:8180/realms/passerelle}
     * @param redirectUri one of the client's allowed redirect URIs, e.g. {@code http://localhost:8080/}
     * @return the access token (a signed JWT)
     */
    public static String accessToken(
            String issuerUrl, String clientId, String redirectUri, String username, String password) {
        String base = issuerUrl.replaceAll("/+$", "");
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new LoopbackSecureCookies())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);

        // 1. The authorization request: Keycloak answers with its login page.
        URI authorize = URI.create(base + "/protocol/openid-connect/auth?"
                + form(Map.of(
                        "client_id",
                        clientId,
                        "redirect_uri",
                        redirectUri,
                        "response_type",
                        "code",
                        "scope",
                        "openid",
                        "ui_locales",
                        "en",
                        "state",
                        state,
                        "nonce",
                        randomUrlSafe(16),
                        "code_challenge",
                        s256(verifier),
                        "code_challenge_method",
                        "S256")));
        HttpResponse<String> page = send(http, HttpRequest.newBuilder(authorize).GET());
        expect(page, 200, "the authorization endpoint did not show a login page");
        Matcher formTag = LOGIN_FORM.matcher(page.body());
        Matcher action = formTag.find() ? ACTION.matcher(formTag.group()) : null;
        if (action == null || !action.find()) {
            throw failure("no login form (id kc-form-login) on the login page", page);
        }
        URI loginAction = URI.create(unescapeHtml(action.group(1)));

        // 2. The login form: on success a 302 to the redirect URI with the code.
        HttpResponse<String> login = send(
                http,
                HttpRequest.newBuilder(loginAction)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", username, "password", password, "credentialId", "")))));
        if (login.statusCode() != 302) {
            throw failure(
                    "login of '" + username + "' was refused (wrong password, locked or"
                            + " unknown user, or a required action pending)",
                    login);
        }
        String location = login.headers()
                .firstValue("Location")
                .orElseThrow(() -> failure("the login redirect has no Location header", login));
        Map<String, String> params = queryParams(location);
        if (params.containsKey("error")) {
            throw failure(
                    "the login redirect carries error=" + params.get("error") + " ("
                            + params.getOrDefault("error_description", "") + "), location " + location,
                    login);
        }
        if (!state.equals(params.get("state")) || !params.containsKey("code")) {
            throw failure("the login redirect has no code or a wrong state: " + location, login);
        }

        // 3. The code for tokens, proving possession of the verifier.
        HttpResponse<String> tokens = send(
                http,
                HttpRequest.newBuilder(URI.create(base + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type", "authorization_code",
                                "code", params.get("code"),
                                "redirect_uri", redirectUri,
                                "client_id", clientId,
                                "code_verifier", verifier)))));
        expect(tokens, 200, "the token endpoint refused the code");
        Matcher token = ACCESS_TOKEN.matcher(tokens.body());
        if (!token.find()) {
            throw failure("the token response has no access_token", tokens);
        }
        return token.group(1);
    }

    /**
     * Keycloak marks its login cookies Secure even over http. Browsers still send them to
     * http://localhost (a secure context); Java's CookieManager does not, and the login POST
     * then fails with HTTP 400. So for loopback hosts, ask for cookies as if over https.
     */
    private static final class LoopbackSecureCookies extends CookieHandler {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            String host = uri.getHost() == null ? "" : uri.getHost();
            boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
            return cookies.get(
                    loopback ? URI.create("https://" + uri.getRawAuthority() + uri.getRawPath()) : uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(uri, headers);
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Keycloak login: " + built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Keycloak login interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw failure(what, response);
        }
    }

    private static IllegalStateException failure(String what, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        Matcher message = PAGE_MESSAGE.matcher(body);
        if (message.find()) {
            what += ": Keycloak says \"" + unescapeHtml(message.group(1)) + "\"";
        }
        body = body.replaceAll("\\s+", " ").strip();
        return new IllegalStateException("Keycloak login: " + what + " (HTTP " + response.statusCode()
                + " from " + response.request().method() + " "
                + response.request().uri() + "; body: "
                + (body.length() > 400 ? body.substring(0, 400) + "..." : body) + ")");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> queryParams(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        int query = url.indexOf('?');
        if (query < 0) {
            return params;
        }
        int fragment = url.indexOf('#', query);
        String raw = fragment < 0 ? url.substring(query + 1) : url.substring(query + 1, fragment);
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** The entities Keycloak's templates put in an attribute value. */
    private static String unescapeHtml(String value) {
        Matcher numeric = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(value);
        String decoded = numeric.replaceAll(m -> Matcher.quoteReplacement(
                Character.toString(Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
        return decoded.replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
