package nl.consilium.consult.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.consilium.consult.service.ConsultEvents;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the booking of every consult (topic consilium.scheduling): booked, moved, cancelled.
 */
@ApplicationScoped
public class SchedulingEventsConsumer {

    @Inject
    IdempotentConsumer inbox;

    @Inject
    ConsultEvents consults;

    @Incoming("scheduling-events")
    @Blocking
    @Transactional
    public void onSchedulingEvent(String json) {
        inbox.receive("consult.scheduling-events", json, event -> {
            switch (event.data()) {
                case ConsultScheduled booking -> consults.recordBooking(booking);
                case ConsultRescheduled moved -> consults.recordReschedule(moved);
                case ConsultCancelled cancelled -> consults.cancel(cancelled);
                default -> {
                    // MatchingFailed is the coordinator's business, not consult's
                }
            }
        });
    }
}
