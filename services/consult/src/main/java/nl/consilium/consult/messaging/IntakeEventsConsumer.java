package nl.consilium.consult.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.consilium.consult.service.ConsultEvents;
import nl.consilium.events.intake.DossierDocumentAdded;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.PatientObjectionChanged;
import nl.consilium.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Records the question, situation and patient of every suitable intake, the patient's later
 * objection changes and the documents added to the dossier (topic consilium.intake); intake's other
 * events are not consult's business.
 */
@ApplicationScoped
public class IntakeEventsConsumer {

    @Inject
    IdempotentConsumer inbox;

    @Inject
    ConsultEvents consults;

    @Incoming("intake-events")
    @Blocking
    @Transactional
    public void onIntakeEvent(String json) {
        inbox.receive("consult.intake-events", json, event -> {
            if (event.data() instanceof IntakeCompleted intake) {
                consults.recordIntake(intake);
            } else if (event.data() instanceof PatientObjectionChanged change) {
                consults.changeObjection(change);
            } else if (event.data() instanceof DossierDocumentAdded added) {
                consults.recordDossierDocument(added);
            }
        });
    }
}
