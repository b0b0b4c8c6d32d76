package nl.consilium.events.intake;

import java.time.Instant;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * An intake was not completed by its deadline (24 hours after the referral, by default). Published
 * once per case by intake's overdue job; for the coordinator's and reporting's attention.
 *
 * @param referralId the referral
 * @param patientId our pseudonymous patient id
 * @param intakeDueAt the deadline that passed
 * @param detectedAt when the job noticed
 */
public record IntakeOverdue(UUID referralId, UUID patientId, Instant intakeDueAt, Instant detectedAt)
        implements ConsiliumEvent {
}
