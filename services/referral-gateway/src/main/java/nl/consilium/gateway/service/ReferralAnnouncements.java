package nl.consilium.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import nl.consilium.events.referral.QuestionnaireAnswers;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralLetterReceived;
import nl.consilium.events.referral.ReferralSupplemented;
import nl.consilium.events.referral.TransmuralAgreementAssessment;
import nl.consilium.gateway.domain.ReceivedAttachment;
import nl.consilium.gateway.domain.Referral;

/** The events that announce a referral's later documents: what intake needs, never the attachments' bytes. */
@ApplicationScoped
public class ReferralAnnouncements {

    ReferralLetterReceived letter(Referral referral, String bundleId, Instant receivedAt,
            List<ReceivedAttachment> attachments) {
        return new ReferralLetterReceived(referral.id(), referral.zorgDomeinNumber(), bundleId, receivedAt,
                attachments.stream().map(ReceivedAttachment::describe).toList());
    }

    ReferralSupplemented supplement(Referral referral, String bundleId, Instant receivedAt,
            List<ReceivedAttachment> attachments) {
        return new ReferralSupplemented(referral.id(), referral.zorgDomeinNumber(), bundleId,
                ReferralSupplemented.SUPPLEMENT, receivedAt,
                attachments.stream().map(ReceivedAttachment::describe).toList(), null);
    }

    ReferralSupplemented questionnaire(Referral referral, String bundleId) {
        Referral.Questionnaire q = referral.questionnaire().orElseThrow();
        Referral.Questionnaire.Assessment a = q.assessment();
        return new ReferralSupplemented(referral.id(), referral.zorgDomeinNumber(), bundleId,
                ReferralSupplemented.QUESTIONNAIRE, q.receivedAt(), List.of(),
                new QuestionnaireAnswers(q.underTreatment(), q.satisfied(), q.willReturn(), q.agreesToConsultation(),
                        q.reasons(), q.explanation(),
                        new TransmuralAgreementAssessment(a.situation(), a.expectedLetterAuthor(), a.newReferral(),
                                a.copyToFirstSpecialistRequired(), a.conformity(), a.flaggedForIntake(), a.reason())));
    }

    ReferralCancelled cancellation(Referral referral, String bundleId) {
        Referral.Cancellation c = referral.cancellation().orElseThrow();
        return new ReferralCancelled(referral.id(), referral.zorgDomeinNumber(), bundleId, c.cancelledAt(),
                c.reasonCode(), c.reasonText());
    }
}
