package fr.passerelle.platform;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the service reaches the Keycloak Admin REST API: the server's base URL and the realm
 * (both, when blank, those of the token issuer {@code passerelle.security.issuer}), and the
 * confidential client whose service account manages association groups. Without a secret the
 * administration endpoints that need Keycloak answer 503; the rest of the service runs.
 */
@Validated
@ConfigurationProperties("passerelle.keycloak-admin")
record KeycloakAdminProperties(
        String url, String realm, @NotBlank String clientId, String clientSecret) {

    boolean configured() {
        return clientSecret != null && !clientSecret.isBlank();
    }

    /** The server's base URL: the configured one, or the issuer's up to {@code /realms/}. */
    String serverUrl(String issuer) {
        String base = url != null && !url.isBlank() ? url : issuer.substring(0, realmsIndex(issuer));
        return base.replaceAll("/+$", "");
    }

    /** The realm: the configured one, or the issuer's. */
    String realmName(String issuer) {
        return realm != null && !realm.isBlank()
                ? realm
                : issuer.substring(realmsIndex(issuer) + "/realms/".length()).replaceAll("/+$", "");
    }

    private static int realmsIndex(String issuer) {
        int index = issuer.indexOf("/realms/");
        if (index < 0) {
            throw new IllegalStateException(
                    "The issuer " + issuer + " is not a Keycloak realm URL (.../realms/<realm>):"
                            + " set passerelle.keycloak-admin.url and .realm");
        }
        return index;
    }
}
