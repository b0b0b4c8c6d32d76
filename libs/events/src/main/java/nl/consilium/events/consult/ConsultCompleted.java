package nl.consilium.events.consult;

import java.time.Instant;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * The consult took place and its report is final. Owned by consult.
 *
 * @param patientObjectsToGpReport when true the report must not be shown to the GP
 */
public record ConsultCompleted(
        UUID referralId,
        UUID consultId,
        UUID patientId,
        String specialistAgb,
        String referrerAgb,
        Instant completedAt,
        ConsultReport report,
        boolean patientObjectsToGpReport) implements ConsiliumEvent {
}
