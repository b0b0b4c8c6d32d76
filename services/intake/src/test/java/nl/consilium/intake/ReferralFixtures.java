package nl.consilium.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.common.Referrer;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralReceived;

/** Fictitious referrals and their cancellations as the gateway publishes them. */
final class ReferralFixtures {

    static final String GP_AGB = "01123456";

    static ReferralReceived referral() {
        return new ReferralReceived(UUID.randomUUID(), "ZD" + (100_000_000 + (long) (Math.random() * 899_999_999)),
                Instant.parse("2026-11-23T08:00:00Z"), UUID.randomUUID(),
                new PatientDetails("P. Testpatiënt", LocalDate.of(1970, 1, 31), "male", "+31600000001", "p@example.org"),
                new Referrer(GP_AGB, "H. Jansen", "Praktijk Jansen"), "SECOND_OPINION", "cardiology", "Ziekenhuis Oost", "Dr. P. Visser");
    }

    static final String CANCELLATION_REASON = "Patiënt ziet af van de second opinion";

    /** The referrer cancelled the referral, with ZorgDomein's reason code and text. */
    static ReferralCancelled cancellation(ReferralReceived referral, Instant cancelledAt) {
        return cancellation(referral.referralId(), referral.zorgDomeinNumber(), cancelledAt);
    }

    static ReferralCancelled cancellation(UUID referralId, String zorgDomeinNumber, Instant cancelledAt) {
        return new ReferralCancelled(referralId, zorgDomeinNumber, "zd-cancel-" + referralId, cancelledAt,
                "patient-withdrew", CANCELLATION_REASON);
    }

    static EventEnvelope<ConsiliumEvent> envelope(ConsiliumEvent event) {
        return EventEnvelope.of(event, "referral-gateway", Instant.now());
    }

    static String envelopeJson(ConsiliumEvent event) {
        return EventCodec.encode(envelope(event));
    }

    private ReferralFixtures() {
    }
}
