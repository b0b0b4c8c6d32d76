package nl.consilium.events.referral;

import java.util.UUID;

/**
 * An attachment the gateway received and keeps (a PDF letter, a scan, ...): its description only,
 * never the bytes. Those who may read it fetch it from the gateway by {@code attachmentId}.
 *
 * @param attachmentId the gateway's id of the stored attachment
 * @param title the title the referrer gave; may be null
 * @param contentType the declared content type, checked against the bytes where the format allows
 * @param size the number of bytes
 * @param sha256 SHA-256 of the bytes, lower-case hex
 */
public record DocumentAttachment(UUID attachmentId, String title, String contentType, long size, String sha256) {
}
