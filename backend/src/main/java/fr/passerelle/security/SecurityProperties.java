package fr.passerelle.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The identity provider whose tokens the API accepts. */
@Validated
@ConfigurationProperties("passerelle.security")
record SecurityProperties(
        @NotBlank String issuer,
        @NotBlank String jwkSetUri,
        @NotBlank String audience) {}
