package nl.consilium.events.referral;

import java.time.Instant;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * The referrer withdrew the referral (a ZorgDomein {@code cancellation} document). Owned by
 * referral-gateway. Every service ends the referral: intake closes the case, scheduling frees the
 * slot, consult cancels the consult, reporting shows it cancelled. Published once, after the
 * referral's {@link ReferralReceived}; a referral cancelled before its appointment request arrived is
 * never announced at all.
 *
 * @param referralId the referral
 * @param zorgDomeinNumber ZorgDomein's reference for the referral
 * @param bundleId the cancellation document's {@code Bundle.id}
 * @param cancelledAt when the gateway received the cancellation
 * @param reasonCode ZorgDomein's reason code; may be null when only a text was given
 * @param reasonText the reason in words; may be null when only a code was given
 */
public record ReferralCancelled(UUID referralId, String zorgDomeinNumber, String bundleId, Instant cancelledAt,
        String reasonCode, String reasonText) implements ConsiliumEvent {
}
