package nl.consilium.events.scheduling;

import java.time.Instant;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * A booked consult moved to another slot (and possibly another specialist), at the patient's or the
 * specialist's request. The earlier slot is free again. Owned by scheduling.
 *
 * @param requestedBy {@code PATIENT} or {@code SPECIALIST}
 * @param previousSpecialistAgb who had the consult before
 * @param previousStartsAt when it was before
 */
public record ConsultRescheduled(UUID referralId, UUID consultId, UUID patientId, String specialistAgb,
        String specialistName, String specialty, Instant startsAt, Instant endsAt, String requestedBy,
        String previousSpecialistAgb, Instant previousStartsAt, Instant rescheduledAt) implements ConsiliumEvent {
}
