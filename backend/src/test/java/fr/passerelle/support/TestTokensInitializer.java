package fr.passerelle.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the service's token validation at the test identity provider's keys. */
public class TestTokensInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("passerelle.security.jwk-set-uri=" + TestTokens.jwksUri())
                .applyTo(context);
    }
}
