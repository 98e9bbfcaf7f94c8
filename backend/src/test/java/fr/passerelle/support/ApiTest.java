package fr.passerelle.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port, on the test run's PostgreSQL database, accepting tokens
 * from {@link TestTokens}. All classes with this annotation share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "passerelle.security.issuer=" + TestTokens.ISSUER,
            "passerelle.security.audience=" + TestTokens.AUDIENCE
        })
@ContextConfiguration(initializers = TestTokensInitializer.class)
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(TestDirectory.class)
public @interface ApiTest {}
