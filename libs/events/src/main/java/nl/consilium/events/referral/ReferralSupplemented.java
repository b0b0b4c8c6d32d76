package nl.consilium.events.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * More information for a referral arrived: a {@code supplement} document (extra attachments) or a
 * {@code questionnaire} document (the referrer's answers, with the transmural-agreement assessment).
 * Owned by referral-gateway; published after the referral's {@link ReferralReceived}.
 *
 * @param referralId the referral
 * @param zorgDomeinNumber ZorgDomein's reference for the referral
 * @param bundleId the document's {@code Bundle.id}
 * @param documentType {@code supplement} or {@code questionnaire} (ZorgDomein's document-type code)
 * @param receivedAt when the gateway received the document
 * @param attachments the attachments of a supplement, described, not carried; empty for a questionnaire
 * @param questionnaire the answers of a questionnaire; null for a supplement
 */
public record ReferralSupplemented(UUID referralId, String zorgDomeinNumber, String bundleId, String documentType,
        Instant receivedAt, List<DocumentAttachment> attachments, QuestionnaireAnswers questionnaire)
        implements ConsiliumEvent {

    public static final String SUPPLEMENT = "supplement";
    public static final String QUESTIONNAIRE = "questionnaire";
}
