package fr.passerelle.security;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page keycloak-js's silent sign-in check loads in a hidden frame of the web app: Keycloak
 * sends the frame back here with the authorization code (or "login_required") in the fragment, and
 * the page hands its address to the app. The app thus signs in without leaving the page when a
 * Keycloak session exists (frontend src/lib/auth/keycloak.ts). Its one inline script is allowed by
 * its hash, and only the app itself may frame it (SecurityConfig's chain for this path).
 */
@Hidden
@RestController
class SilentCheckSsoPage {
    static final String PATH = "/silent-check-sso.html";

    private static final String SCRIPT = "parent.postMessage(location.href, location.origin);";

    static final String HTML =
            "<!doctype html><html lang=\"fr\"><title>Passerelle</title><script>" + SCRIPT + "</script></html>";

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'sha256-" + sha256(SCRIPT) + "'; frame-ancestors 'self'";

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .body(HTML);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
