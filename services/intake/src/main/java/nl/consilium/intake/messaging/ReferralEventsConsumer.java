package nl.consilium.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralLetterReceived;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.referral.ReferralSupplemented;
import nl.consilium.intake.service.IntakeService;
import nl.consilium.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Opens an intake case for every referral the gateway accepted, adds the referral letter, supplements
 * and questionnaire that arrive after it, and closes the case when the referrer cancels the referral
 * (topic consilium.referral).
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    @Inject
    IdempotentConsumer inbox;

    @Inject
    IntakeService intake;

    @Incoming("referral-events")
    @Blocking
    @Transactional
    public void onReferralEvent(String json) {
        inbox.receive("intake.referral-events", json, event -> {
            if (event.data() instanceof ReferralReceived referral) {
                intake.openCase(referral);
            } else if (event.data() instanceof ReferralLetterReceived letter) {
                intake.letterReceived(letter);
            } else if (event.data() instanceof ReferralSupplemented supplement) {
                intake.supplemented(supplement);
            } else if (event.data() instanceof ReferralCancelled cancellation) {
                intake.cancelCase(cancellation);
            }
        });
    }
}
