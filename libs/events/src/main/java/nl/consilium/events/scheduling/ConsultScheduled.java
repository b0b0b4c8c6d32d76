package nl.consilium.events.scheduling;

import java.time.Instant;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * A video consult has been booked with an independent specialist. Owned by scheduling.
 *
 * @param assignedBy {@code MATCHING} (the rules chose) or {@code COORDINATOR} (by hand); optional,
 *        added in v1
 * @param deadlineOverridden true when a coordinator booked after {@code consultDueOn} explicitly
 *        (optional, added in v1)
 */
public record ConsultScheduled(
        UUID referralId,
        UUID consultId,
        UUID patientId,
        String specialistAgb,
        String specialistName,
        String specialty,
        Instant startsAt,
        Instant endsAt,
        String assignedBy,
        boolean deadlineOverridden) implements ConsiliumEvent {

    /** The v1 fields of before issue 5. */
    public ConsultScheduled(UUID referralId, UUID consultId, UUID patientId, String specialistAgb,
            String specialistName, String specialty, Instant startsAt, Instant endsAt) {
        this(referralId, consultId, patientId, specialistAgb, specialistName, specialty, startsAt, endsAt, null, false);
    }
}
