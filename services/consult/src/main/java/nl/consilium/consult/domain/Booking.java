package nl.consilium.consult.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.ConsultScheduled;

/** Scheduling's part of a consult: which specialist, when. From a booking or a reschedule. */
public record Booking(UUID referralId, UUID consultId, UUID patientId, String specialistAgb, String specialistName,
        String specialty, Instant startsAt, Instant endsAt) {

    public Booking {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(consultId, "consultId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(specialistAgb, "specialistAgb");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("A consult ends after it starts");
        }
    }

    public static Booking of(ConsultScheduled e) {
        return new Booking(e.referralId(), e.consultId(), e.patientId(), e.specialistAgb(), e.specialistName(),
                e.specialty(), e.startsAt(), e.endsAt());
    }

    public static Booking of(ConsultRescheduled e) {
        return new Booking(e.referralId(), e.consultId(), e.patientId(), e.specialistAgb(), e.specialistName(),
                e.specialty(), e.startsAt(), e.endsAt());
    }
}
