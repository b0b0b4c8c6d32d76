package nl.consilium.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.common.Referrer;
import nl.consilium.events.referral.ReferralReceived;

/** Fictitious referrals as the gateway publishes them. */
final class ReferralFixtures {

    static final String GP_AGB = "01123456";

    static ReferralReceived referral() {
        return new ReferralReceived(UUID.randomUUID(), "ZD" + (100_000_000 + (long) (Math.random() * 899_999_999)),
                Instant.parse("2026-11-23T08:00:00Z"), UUID.randomUUID(),
                new PatientDetails("P. Testpatiënt", LocalDate.of(1970, 1, 31), "male", "+31600000001", "p@example.org"),
                new Referrer(GP_AGB, "H. Jansen", "Praktijk Jansen"), "SECOND_OPINION", "cardiology", "Ziekenhuis Oost", "Dr. P. Visser");
    }

    static String envelopeJson(ReferralReceived referral) {
        return EventCodec.encode(EventEnvelope.of(referral, "referral-gateway", Instant.now()));
    }

    private ReferralFixtures() {
    }
}
