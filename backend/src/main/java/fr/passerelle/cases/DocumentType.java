package fr.passerelle.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a piece may be: PDF, JPEG, PNG, recognised by their first bytes (their
 * "magic number"), whatever the name or the declared type say.
 */
enum DocumentType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    static final int SIGNATURE_LENGTH = 8;
    private final String mediaType;
    private final byte[] signature;

    DocumentType(String mediaType, byte[] signature) {
        this.mediaType = mediaType;
        this.signature = signature;
    }

    String mediaType() {
        return mediaType;
    }

    static Optional<DocumentType> sniff(byte[] head, int length) {
        return Arrays.stream(values())
                .filter(type -> type.matches(head, length))
                .findFirst();
    }

    /** The type a client declared, when it names one of ours ("image/jpg" is a common alias). */
    static Optional<DocumentType> declared(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String base = contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if ("image/jpg".equals(base) || "image/pjpeg".equals(base)) {
            return Optional.of(JPEG);
        }
        return Arrays.stream(values())
                .filter(type -> type.mediaType.equals(base))
                .findFirst();
    }

    private boolean matches(byte[] head, int length) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
