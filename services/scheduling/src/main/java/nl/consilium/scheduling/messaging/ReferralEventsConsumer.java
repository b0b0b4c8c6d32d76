package nl.consilium.scheduling.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.platform.inbox.IdempotentConsumer;
import nl.consilium.scheduling.service.SchedulingService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Ends the booking of every referral the referrer cancelled (topic consilium.referral); the other
 * referral events are not scheduling's business.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    @Inject
    IdempotentConsumer inbox;

    @Inject
    SchedulingService scheduling;

    @Incoming("referral-events")
    @Blocking
    @Transactional
    public void onReferralEvent(String json) {
        inbox.receive("scheduling.referral-events", json, event -> {
            if (event.data() instanceof ReferralCancelled cancelled) {
                scheduling.cancel(cancelled);
            }
        });
    }
}
