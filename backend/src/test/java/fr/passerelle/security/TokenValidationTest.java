package fr.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class TokenValidationTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Api api() {
        return Api.at(port);
    }

    private static TestTokens.Builder caseworker() {
        return TestTokens.user("ines", "/associations/alpha/caseworker");
    }

    @Test
    void aValidTokenIsAccepted() {
        var response = api().as(caseworker().token()).get("/api/me");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("username").asText()).isEqualTo("ines");
    }

    @Test
    void noTokenIsRefusedWithAProblemDocument() {
        var response = api().get("/api/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.wwwAuthenticate()).startsWith("Bearer");
    }

    @Test
    void aForgedTokenIsRefused() {
        assertRefused(caseworker().forged().token(), "signature");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(caseworker().expiredSince(Duration.ofMinutes(2)).token(), "expired");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(caseworker().issuer("http://localhost:8180/realms/other").token(), "iss");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(caseworker().audience("another-api").token(), "passerelle-api");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = caseworker().token().split("\\.");
        String otherClaims = TestTokens.user("admin").platformAdmin().token().split("\\.")[1];
        assertRefused(parts[0] + "." + otherClaims + "." + parts[2], "signature");
    }

    private void assertRefused(String token, String reasonFragment) {
        var response = api().as(token).get("/api/me");
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.wwwAuthenticate()).contains("invalid_token").containsIgnoringCase(reasonFragment);
    }
}
