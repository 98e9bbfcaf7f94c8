package fr.passerelle.platform;

import fr.passerelle.web.Problem;
import org.springframework.http.HttpStatus;

/**
 * Keycloak could not do what was asked (down, refused the service account, answered an error):
 * 502, or 503 when the service has no credentials for it. What the service was doing is undone
 * (the calling transaction rolls back) and may be retried.
 */
class KeycloakException extends Problem {
    private final HttpStatus keycloakStatus;

    /** {@code code}: what Keycloak did ({@code detail.keycloak_*}), with its {@code args}. */
    KeycloakException(String code, HttpStatus keycloakStatus, Throwable cause, Object... args) {
        this(HttpStatus.BAD_GATEWAY, code, keycloakStatus, cause, args);
    }

    private KeycloakException(
            HttpStatus status, String code, HttpStatus keycloakStatus, Throwable cause, Object... args) {
        super(status, "identity_provider", cause, code, args);
        this.keycloakStatus = keycloakStatus;
    }

    static KeycloakException notConfigured() {
        return new KeycloakException(HttpStatus.SERVICE_UNAVAILABLE, "keycloak_not_configured", null, null);
    }

    /** What Keycloak answered, when it answered with an error status. */
    HttpStatus keycloakStatus() {
        return keycloakStatus;
    }
}
