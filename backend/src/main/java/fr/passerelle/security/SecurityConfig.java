package fr.passerelle.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.web.ProblemDocuments;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The API is an OAuth2 resource server: every request under /api (but the public login
 * settings) needs a Keycloak access token whose signature, expiry, issuer and audience hold.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    /**
     * The silent sign-in check's page: public, framed by the app itself only, its inline script
     * allowed by hash (SilentCheckSsoPage).
     */
    @Bean
    @Order(1)
    SecurityFilterChain silentCheckSso(HttpSecurity http) throws Exception {
        http.securityMatcher(SilentCheckSsoPage.PATH)
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(SilentCheckSsoPage.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.sameOrigin()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    SecurityFilterChain api(
            HttpSecurity http, ObjectMapper json, FrontendProperties frontend, ManagementPort managementPort)
            throws Exception {
        var bearer = new BearerTokenAuthenticationEntryPoint();
        http.headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(contentSecurityPolicy(frontend.keycloakUrl())))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(managementPort)
                        .permitAll()
                        .requestMatchers(
                                "/api/config",
                                "/api/legal-deadlines",
                                // The applicant's status page: no account, the link's token and code (status module).
                                "/api/status/*/*",
                                "/api/status/*/*/view",
                                "/api/status/*/*/documents",
                                "/actuator/health",
                                "/actuator/health/liveness",
                                "/actuator/health/readiness",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        // Platform administration: the services check it too (PlatformAdmins), this refuses early.
                        .requestMatchers("/api/admin/**")
                        .hasRole("PLATFORM_ADMIN")
                        // The metrics on the service's own port (no management port set apart): platform admins only.
                        .requestMatchers("/actuator/prometheus")
                        .hasRole("PLATFORM_ADMIN")
                        .requestMatchers("/api/**", "/actuator/**")
                        .authenticated()
                        // The single-page app's files are public; the data they show is not.
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenClaims()))
                        .authenticationEntryPoint((request, response, e) -> {
                            bearer.commence(request, response, e); // sets WWW-Authenticate as RFC 6750 asks
                            ProblemDocuments.send(json, request, response, HttpStatus.UNAUTHORIZED, "token_required");
                        }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        ProblemDocuments.send(json, request, response, HttpStatus.FORBIDDEN, "forbidden")));
        return http.build();
    }

    /**
     * The same policy for the API and the web app's pages. Scripts only from the service itself
     * (the app is built into hashed files: no inline script, no eval). Styles also inline:
     * Mantine writes its CSS variables and component styles into {@code <style>} elements at run
     * time, which a nonce cannot cover in a static page. The identity server (Keycloak) is
     * reached by keycloak-js (token and refresh requests: connect-src), is framed by it for the
     * silent sign-in check, which Keycloak sends back to the app's own page (frame-src: both), and
     * receives the login and logout navigations (form-action). Nothing frames the app
     * (frame-ancestors 'none'), but for that one page (its own chain above).
     */
    static String contentSecurityPolicy(String keycloakUrl) {
        String keycloak = origin(keycloakUrl);
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self' " + keycloak,
                "frame-src 'self' " + keycloak,
                "form-action 'self' " + keycloak,
                "object-src 'none'",
                "base-uri 'self'",
                "frame-ancestors 'none'");
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url.strip());
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        OAuth2TokenValidator<Jwt> audience =
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                                "invalid_token", "The token is not meant for " + properties.audience(), null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                List.of(JwtValidators.createDefaultWithIssuer(properties.issuer()), audience)));
        return decoder;
    }
}
