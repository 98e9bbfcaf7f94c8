package fr.passerelle.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Keycloak could not do what was asked (down, refused the service account, answered an error):
 * 502, or 503 when the service has no credentials for it. What the service was doing is undone
 * (the calling transaction rolls back) and may be retried.
 */
class KeycloakException extends ResponseStatusException {
    private final HttpStatus keycloakStatus;

    KeycloakException(String what, HttpStatus keycloakStatus, Throwable cause) {
        this(
                HttpStatus.BAD_GATEWAY,
                "Keycloak " + what + "; the request was not completed and may be retried",
                keycloakStatus,
                cause);
    }

    private KeycloakException(HttpStatus status, String detail, HttpStatus keycloakStatus, Throwable cause) {
        super(status, detail, cause);
        this.keycloakStatus = keycloakStatus;
        getBody().setTitle("Identity provider unavailable");
    }

    static KeycloakException notConfigured() {
        return new KeycloakException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Managing associations and members in Keycloak"
                        + " is not configured on this service (PASSERELLE_KEYCLOAK_ADMIN_CLIENT_SECRET)",
                null,
                null);
    }

    /** What Keycloak answered, when it answered with an error status. */
    HttpStatus keycloakStatus() {
        return keycloakStatus;
    }
}
