package nl.consilium.events.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * The referral letter of a referral arrived (a {@code referral-letter} document). Owned by
 * referral-gateway. Published after the referral's {@link ReferralReceived}: a letter that arrives
 * before the appointment request is announced right after it.
 *
 * @param referralId the referral
 * @param zorgDomeinNumber ZorgDomein's reference for the referral
 * @param bundleId the document's {@code Bundle.id}
 * @param receivedAt when the gateway received the letter
 * @param attachments the letter itself (normally one PDF), described, not carried
 */
public record ReferralLetterReceived(UUID referralId, String zorgDomeinNumber, String bundleId, Instant receivedAt,
        List<DocumentAttachment> attachments) implements ConsiliumEvent {
}
