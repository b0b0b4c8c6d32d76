package nl.consilium.consult.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.consilium.consult.service.ConsultService;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records the question and the patient of every suitable intake (topic consilium.intake). */
@ApplicationScoped
public class IntakeEventsConsumer {

    @Inject
    IdempotentConsumer inbox;

    @Inject
    ConsultService consults;

    @Incoming("intake-events")
    @Blocking
    @Transactional
    public void onIntakeEvent(String json) {
        inbox.receive("consult.intake-events", json, event -> {
            if (event.data() instanceof IntakeCompleted intake) {
                consults.recordIntake(intake);
            }
        });
    }
}
