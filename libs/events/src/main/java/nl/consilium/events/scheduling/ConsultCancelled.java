package nl.consilium.events.scheduling;

import java.time.Instant;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * A booked consult was cancelled and its slot freed: at the patient's or specialist's request (by the
 * coordinator), or because the referral was cancelled. Owned by scheduling.
 *
 * @param cancelledBy {@code PATIENT}, {@code SPECIALIST} or {@code REFERRAL_CANCELLED}
 * @param reason free text; may be null
 */
public record ConsultCancelled(UUID referralId, UUID consultId, UUID patientId, String specialistAgb,
        Instant startsAt, String cancelledBy, String reason, Instant cancelledAt) implements ConsiliumEvent {
}
