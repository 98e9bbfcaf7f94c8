package fr.passerelle.status.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets of a status link: a 128-bit random token (22 characters of base64url) and a 6-digit code,
 * both from {@link SecureRandom}. The database keeps the token's SHA-256 (to find the link) and the SHA-256
 * of token and code (to check the code: without the token, the code's million values cannot be tried
 * offline). So that staff can show the link again, both are also kept sealed with AES-GCM under the
 * service's key ({@code PASSERELLE_STATUS_LINK_KEY}); without it the key is random per start and a link
 * given before a restart can no longer be shown (a new one can be given), but still opens.
 */
final class LinkSecrets {
    static final int ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    LinkSecrets(String secret) {
        byte[] material = new byte[32];
        if (secret == null || secret.isBlank()) {
            RANDOM.nextBytes(material);
        } else {
            material = sha256(secret.getBytes(StandardCharsets.UTF_8));
        }
        this.key = new SecretKeySpec(material, "AES");
    }

    record Secrets(String token, String code) {}

    static Secrets newSecrets() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return new Secrets(
                Base64.getUrlEncoder().withoutPadding().encodeToString(token),
                String.format("%06d", RANDOM.nextInt(1_000_000)));
    }

    static String tokenHash(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.US_ASCII)));
    }

    static String codeHash(String token, String code) {
        return HexFormat.of().formatHex(sha256((token + ":" + code).getBytes(StandardCharsets.US_ASCII)));
    }

    /** Whether the code is the link's, compared in constant time. */
    static boolean codeMatches(String token, String code, String storedHash) {
        return MessageDigest.isEqual(
                codeHash(token, code).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    byte[] seal(Secrets secrets) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed =
                    cipher.doFinal((secrets.token() + ":" + secrets.code()).getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link's token and code, or empty when sealed under another key (another start without a set key). */
    Optional<Secrets> open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            String[] parts =
                    new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.US_ASCII).split(":", 2);
            return Optional.of(new Secrets(parts[0], parts[1]));
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
