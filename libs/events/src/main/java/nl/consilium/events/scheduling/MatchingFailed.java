package nl.consilium.events.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * Scheduling could not plan the consult by the rules; the case is on the coordinator's list, who can
 * assign a specialist and slot by hand. Owned by scheduling.
 *
 * @param referralId the referral
 * @param patientId our pseudonymous patient id
 * @param specialty the specialty asked for
 * @param consultDueOn the deadline that could not be met
 * @param reason why
 * @param failedAt when matching gave up
 */
public record MatchingFailed(UUID referralId, UUID patientId, String specialty, LocalDate consultDueOn,
        MatchingFailureReason reason, Instant failedAt) implements ConsiliumEvent {
}
