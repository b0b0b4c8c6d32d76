package nl.consilium.scheduling.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.platform.inbox.IdempotentConsumer;
import nl.consilium.scheduling.service.SchedulingService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Books the video consult of every referral the intake nurse found suitable (topic consilium.intake). */
@ApplicationScoped
public class IntakeEventsConsumer {

    @Inject
    IdempotentConsumer inbox;

    @Inject
    SchedulingService scheduling;

    @Incoming("intake-events")
    @Blocking
    @Transactional
    public void onIntakeEvent(String json) {
        inbox.receive("scheduling.intake-events", json, event -> {
            if (event.data() instanceof IntakeCompleted completed) {
                scheduling.book(completed);
            }
        });
    }
}
