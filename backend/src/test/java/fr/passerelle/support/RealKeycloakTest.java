package fr.passerelle.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a random port, on the test run's PostgreSQL database, accepting tokens
 * of the real Keycloak that infra/test.sh starts with the demo realm on port 8180, and managing
 * its groups with the demo realm's service-account client. All classes with this annotation
 * share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "passerelle.security.issuer=" + RealKeycloakTest.ISSUER,
            "passerelle.security.audience=passerelle-api",
            "passerelle.keycloak-admin.client-secret=" + RealKeycloakTest.DEMO_ADMIN_API_SECRET
        })
@ActiveProfiles("test")
public @interface RealKeycloakTest {
    String ISSUER = "http://localhost:8180/realms/passerelle";
    /** The web app's public client, through which tests log in ({@code KeycloakLogin}). */
    String CLIENT = "passerelle-web";

    String REDIRECT = "http://localhost:8080/";
    /** The secret of the client {@code passerelle-admin-api} in the demo realm (infra/keycloak/passerelle-realm.json). */
    String DEMO_ADMIN_API_SECRET = "demo-admin-api-secret";
}
