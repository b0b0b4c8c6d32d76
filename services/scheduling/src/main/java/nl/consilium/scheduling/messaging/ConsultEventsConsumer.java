package nl.consilium.scheduling.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.consilium.events.consult.ConsultNoShow;
import nl.consilium.platform.inbox.IdempotentConsumer;
import nl.consilium.scheduling.service.SchedulingService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Plans the consult again when the patient did not show up, once; after that the case is the
 * coordinator's (topic consilium.consult). The other consult events are not scheduling's business.
 */
@ApplicationScoped
public class ConsultEventsConsumer {

    @Inject
    IdempotentConsumer inbox;

    @Inject
    SchedulingService scheduling;

    @Incoming("consult-events")
    @Blocking
    @Transactional
    public void onConsultEvent(String json) {
        inbox.receive("scheduling.consult-events", json, event -> {
            if (event.data() instanceof ConsultNoShow noShow) {
                scheduling.noShow(noShow);
            }
        });
    }
}
