package nl.consilium.events.intake;

import java.time.Instant;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * The intake nurse found the referral not suitable for a digital second opinion. Owned by intake;
 * reporting informs the GP.
 *
 * @param referralId the referral
 * @param patientId our pseudonymous patient id
 * @param rejectedAt when the decision was taken
 * @param rejectedBy the nurse (token subject)
 * @param reason the reason from the fixed list
 * @param explanation the nurse's free text (medical content; may be null)
 * @param referrerAgb the referring GP, so the GP can be informed
 */
public record IntakeRejected(UUID referralId, UUID patientId, Instant rejectedAt, String rejectedBy,
        RejectionReason reason, String explanation, String referrerAgb) implements ConsiliumEvent {
}
