package nl.consilium.consult.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.consilium.consult.service.ConsultEvents;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Cancels the consult of every referral the referrer cancelled (topic consilium.referral); the other
 * referral events are not consult's business.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    @Inject
    IdempotentConsumer inbox;

    @Inject
    ConsultEvents consults;

    @Incoming("referral-events")
    @Blocking
    @Transactional
    public void onReferralEvent(String json) {
        inbox.receive("consult.referral-events", json, event -> {
            if (event.data() instanceof ReferralCancelled cancellation) {
                consults.cancel(cancellation);
            }
        });
    }
}
