package nl.consilium.gateway.domain.document;

import java.time.OffsetDateTime;

/**
 * What identifies a document.
 *
 * @param bundleId {@code Bundle.id}
 * @param zorgDomeinNumber {@code Composition.identifier} in {@link ZorgDomeinProfile#ZD_NUMBER_SYSTEM}
 * @param type {@code Composition.type}
 * @param composedAt {@code Composition.date}; null when absent or not given to the second with a zone
 * @param title {@code Composition.title}; may be null
 */
public record DocumentHeader(String bundleId, String zorgDomeinNumber, DocumentType type, OffsetDateTime composedAt,
        String title) {

    @Override
    public String toString() {
        return "DocumentHeader[" + bundleId + ", " + zorgDomeinNumber + ", " + type + "]";
    }
}
