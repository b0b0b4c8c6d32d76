package nl.consilium.gateway.domain.document;

import java.util.Arrays;
import java.util.Objects;

/**
 * An attachment of a document (a Binary entry, or {@code DocumentReference.content.attachment}),
 * decoded. The declared content type was checked against the bytes: a known format (PDF, PNG,
 * JPEG, ...) declared as another is rejected, so {@code check} is never a mismatch.
 *
 * @param title {@code Attachment.title} or {@code DocumentReference.description}; may be null
 * @param contentType the declared content type, lower case, without parameters
 * @param detectedContentType the content type the bytes' magic numbers show; null when not recognised
 * @param check whether {@code contentType} could be verified against the bytes
 * @param size the number of bytes
 * @param sha256 SHA-256 of the bytes, lower-case hex
 * @param data the bytes (not copied; do not change them)
 */
public record Attachment(String title, String contentType, String detectedContentType, ContentCheck check, long size,
        String sha256, byte[] data) {

    /** The outcome of the content-type check. */
    public enum ContentCheck {
        /** The bytes are what the declared type says (magic number, or text without binary content). */
        VERIFIED,
        /** The declared type has no signature to check (for example application/octet-stream). */
        UNVERIFIABLE
    }

    public Attachment {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment a && Objects.equals(title, a.title) && contentType.equals(a.contentType)
                && Objects.equals(detectedContentType, a.detectedContentType) && check == a.check && size == a.size
                && sha256.equals(a.sha256) && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "Attachment[" + contentType + ", " + size + " bytes, sha256=" + sha256 + "]";
    }
}
