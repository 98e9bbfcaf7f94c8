package fr.passerelle.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** What the single-page app needs to log in: read at run time from {@code GET /api/config}. */
@Validated
@ConfigurationProperties("passerelle.frontend")
record FrontendProperties(
        @NotBlank String keycloakUrl,
        @NotBlank String realm,
        @NotBlank String clientId) {}
