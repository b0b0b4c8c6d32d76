package nl.consilium.scheduling.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.consilium.scheduling.domain.Appointment;
import nl.consilium.scheduling.domain.AppointmentStatus;
import nl.consilium.scheduling.domain.ConsultRequest;
import nl.consilium.scheduling.domain.ConsultRequestStatus;
import nl.consilium.scheduling.domain.Specialist;

/** What the scheduling API answers. */
public final class SchedulingResponses {

    private SchedulingResponses() {
    }

    /**
     * A booked video consult; {@code withinDeadline} is false when it falls after {@code consultDueOn}.
     * {@code status} is {@code CANCELLED} (since {@code cancelledAt}) when the referral was cancelled.
     */
    public record AppointmentView(UUID consultId, UUID referralId, String specialistAgb, String specialistName,
            String specialty, Instant startsAt, Instant endsAt, LocalDate consultDueOn, boolean withinDeadline,
            AppointmentStatus status, Instant cancelledAt) {
        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.consultId(), a.referralId(), a.specialistAgb(), a.specialistName(),
                    a.specialty(), a.startsAt(), a.endsAt(), a.consultDueOn(), a.withinDeadline(), a.status(),
                    a.cancelledAt());
        }
    }

    /** A specialist in the registry. */
    public record SpecialistView(String agb, String name, String specialty, String hospital, boolean active) {
        static SpecialistView of(Specialist s) {
            return new SpecialistView(s.agb(), s.name(), s.specialty(), s.hospital(), s.active());
        }
    }

    /**
     * A referral waiting for the coordinator because it could not be booked automatically; closed as
     * {@code CANCELLED} (since {@code cancelledAt}) when the referral was cancelled.
     */
    public record ConsultRequestView(UUID referralId, UUID patientId, String specialty, ConsultRequestStatus status,
            String reason, Instant createdAt, Instant cancelledAt) {
        static ConsultRequestView of(ConsultRequest r) {
            return new ConsultRequestView(r.referralId(), r.patientId(), r.specialty(), r.status(), r.reason(),
                    r.createdAt(), r.cancelledAt());
        }
    }
}
