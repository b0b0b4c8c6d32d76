package nl.consilium.events.intake;

import java.time.Instant;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * The patient's objection to the report going to the GP changed after the intake was completed (the
 * report has not gone out, or goes out differently from now on). Owned by intake; consult and
 * reporting honour the latest state.
 *
 * @param objects true: the report must not be shared with the GP
 * @param changedAt when the nurse recorded the change
 * @param recordedBy the nurse (token subject)
 */
public record PatientObjectionChanged(UUID referralId, UUID patientId, boolean objects, Instant changedAt,
        String recordedBy) implements ConsiliumEvent {
}
