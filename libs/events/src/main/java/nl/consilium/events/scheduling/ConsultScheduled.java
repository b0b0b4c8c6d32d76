package nl.consilium.events.scheduling;

import java.time.Instant;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/** A video consult has been booked with an independent specialist. Owned by scheduling. */
public record ConsultScheduled(
        UUID referralId,
        UUID consultId,
        UUID patientId,
        String specialistAgb,
        String specialistName,
        String specialty,
        Instant startsAt,
        Instant endsAt) implements ConsiliumEvent {
}
