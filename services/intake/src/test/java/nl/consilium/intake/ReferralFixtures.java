package nl.consilium.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.common.Referrer;
import nl.consilium.events.referral.DocumentAttachment;
import nl.consilium.events.referral.QuestionnaireAnswers;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralLetterReceived;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.referral.ReferralSupplemented;
import nl.consilium.events.referral.TransmuralAgreementAssessment;

/** Fictitious referrals, their later documents and their cancellations as the gateway publishes them. */
final class ReferralFixtures {

    static final String GP_AGB = "01123456";
    static final String TREATING_HOSPITAL = "Ziekenhuis Oost";
    static final String TREATING_SPECIALIST = "Dr. P. Visser";

    /** A referral that arrived just now (its intake is not overdue). */
    static ReferralReceived referral() {
        return referral(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** A referral that arrived at {@code receivedAt}. */
    static ReferralReceived referral(Instant receivedAt) {
        return new ReferralReceived(UUID.randomUUID(), "ZD" + (100_000_000 + (long) (Math.random() * 899_999_999)),
                receivedAt, UUID.randomUUID(),
                new PatientDetails("P. Testpatiënt", LocalDate.of(1970, 1, 31), "male", "+31600000001", "p@example.org"),
                new Referrer(GP_AGB, "H. Jansen", "Praktijk Jansen"), "SECOND_OPINION", "cardiology",
                TREATING_HOSPITAL, TREATING_SPECIALIST);
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

    static DocumentAttachment attachment(String title, String contentType, long size) {
        return new DocumentAttachment(UUID.randomUUID(), title, contentType, size, "a".repeat(64));
    }

    /** The referral letter, one PDF. */
    static ReferralLetterReceived letter(ReferralReceived referral, DocumentAttachment pdf) {
        return new ReferralLetterReceived(referral.referralId(), referral.zorgDomeinNumber(),
                "zd-letter-" + referral.referralId(), referral.receivedAt().plusSeconds(60), List.of(pdf));
    }

    /** A supplement with one attachment. */
    static ReferralSupplemented supplement(ReferralReceived referral, DocumentAttachment attachment) {
        return new ReferralSupplemented(referral.referralId(), referral.zorgDomeinNumber(),
                "zd-supplement-" + referral.referralId(), ReferralSupplemented.SUPPLEMENT,
                referral.receivedAt().plusSeconds(120), List.of(attachment), null);
    }

    static final String TRANSMURAL_REASON = "The patient will return to the treating specialist: the treating"
            + " specialist should refer";

    /** The questionnaire: situation 2a sent by a GP, a mismatch flagged for the nurse. */
    static ReferralSupplemented questionnaire(ReferralReceived referral) {
        return new ReferralSupplemented(referral.referralId(), referral.zorgDomeinNumber(),
                "zd-questionnaire-" + referral.referralId(), ReferralSupplemented.QUESTIONNAIRE,
                referral.receivedAt().plusSeconds(30), List.of(),
                new QuestionnaireAnswers(true, false, true, null, List.of("DIAGNOSIS_DOUBT"), null,
                        new TransmuralAgreementAssessment("2a", "TREATING_SPECIALIST", false, false, "MISMATCH", true,
                                TRANSMURAL_REASON)));
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
