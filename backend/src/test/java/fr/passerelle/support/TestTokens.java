package fr.passerelle.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An identity provider for tests: a key pair whose public half is served as a JWKS over HTTP,
 * so the service validates test tokens exactly as it validates Keycloak's (signature, expiry,
 * issuer, audience). Tokens have Keycloak's claim shape.
 */
public final class TestTokens {
    public static final String ISSUER = "http://test-issuer/realms/passerelle";
    public static final String AUDIENCE = "passerelle-api";
    private static final RSAKey KEY = newKey("test-key");
    private static final RSAKey FORGER = newKey("test-key"); // same key id, other key: a forgery
    private static final String JWKS_URI = serveJwks();

    /** Every user a token was made for, by subject: the test identity provider's directory ({@link TestDirectory}). */
    static final java.util.Map<String, Builder> ISSUED = new java.util.concurrent.ConcurrentHashMap<>();

    private TestTokens() {}

    public static String jwksUri() {
        return JWKS_URI;
    }

    /** A token for a user; groups are Keycloak full paths such as {@code /associations/alpha/caseworker}. */
    public static Builder user(String username, String... groups) {
        return new Builder(username, List.of(groups));
    }

    public static final class Builder {
        private final String username;
        private final List<String> groups;
        private String subject;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));
        private List<String> realmRoles = List.of();
        private RSAKey signingKey = KEY;

        private Builder(String username, List<String> groups) {
            this.username = username;
            this.groups = groups;
            this.subject = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8))
                    .toString();
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder expiredSince(Duration ago) {
            this.expiresAt = Instant.now().minus(ago);
            return this;
        }

        public Builder platformAdmin() {
            this.realmRoles = List.of("platform-admin");
            return this;
        }

        public Builder forged() {
            this.signingKey = FORGER;
            return this;
        }

        /** The user's id in the identity provider, when it must be a given one (default: derived from the username). */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder expiresIn(Duration validity) {
            this.expiresAt = Instant.now().plus(validity);
            return this;
        }

        public String subject() {
            return subject;
        }

        public String username() {
            return username;
        }

        public List<String> groups() {
            return groups;
        }

        public String token() {
            ISSUED.put(subject, this);
            Instant issuedAt = expiresAt.isAfter(Instant.now())
                    ? Instant.now().minus(Duration.ofMinutes(1))
                    : expiresAt.minus(Duration.ofMinutes(10));
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .audience(audience)
                    .subject(subject)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(expiresAt))
                    .claim("preferred_username", username)
                    .claim("name", username)
                    .claim("email", username + "@example.org")
                    .claim("groups", groups)
                    .claim("realm_access", Map.of("roles", realmRoles))
                    .build();
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(signingKey.getKeyID())
                                .build(),
                        claims);
                jwt.sign(new RSASSASigner(signingKey));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serveJwks() {
        byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
