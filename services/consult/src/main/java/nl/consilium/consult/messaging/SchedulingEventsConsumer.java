package nl.consilium.consult.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.consilium.consult.service.ConsultService;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records the specialist and the time of every booked consult (topic consilium.scheduling). */
@ApplicationScoped
public class SchedulingEventsConsumer {

    @Inject
    IdempotentConsumer inbox;

    @Inject
    ConsultService consults;

    @Incoming("scheduling-events")
    @Blocking
    @Transactional
    public void onSchedulingEvent(String json) {
        inbox.receive("consult.scheduling-events", json, event -> {
            if (event.data() instanceof ConsultScheduled booking) {
                consults.recordBooking(booking);
            }
        });
    }
}
