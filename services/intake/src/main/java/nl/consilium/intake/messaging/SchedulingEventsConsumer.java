package nl.consilium.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.intake.service.SpecialistAssignments;
import nl.consilium.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows which specialist a referral's consult is booked with (topic consilium.scheduling), the one
 * who may read the case's dossier: booked, moved, cancelled. {@code MatchingFailed} is not intake's
 * business.
 */
@ApplicationScoped
public class SchedulingEventsConsumer {

    @Inject
    IdempotentConsumer inbox;

    @Inject
    SpecialistAssignments assignments;

    @Incoming("scheduling-events")
    @Blocking
    @Transactional
    public void onSchedulingEvent(String json) {
        inbox.receive("intake.scheduling-events", json, event -> {
            switch (event.data()) {
                case ConsultScheduled booking -> assignments.consultScheduled(booking);
                case ConsultRescheduled moved -> assignments.consultRescheduled(moved);
                case ConsultCancelled cancelled -> assignments.consultCancelled(cancelled);
                default -> {
                    // MatchingFailed is the coordinator's business
                }
            }
        });
    }
}
