package nl.consilium.consult.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.consilium.consult.domain.Consult;
import nl.consilium.consult.domain.ConsultStatus;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.intake.IntakeReason;

/** What the consult API answers. */
public final class ConsultResponses {

    private ConsultResponses() {
    }

    /** A line of the specialist's list of consults. */
    public record ConsultSummary(UUID referralId, UUID consultId, ConsultStatus status, Instant startsAt,
            Instant endsAt, String patientName) {
        static ConsultSummary of(Consult c) {
            return new ConsultSummary(c.referralId(), c.consultId(), c.status(), c.startsAt(), c.endsAt(),
                    c.patient().name());
        }
    }

    public record Patient(UUID patientId, String name, LocalDate birthDate, String phone, String email) {
    }

    public record Appointment(UUID consultId, String specialistAgb, String specialistName, Instant startsAt,
            Instant endsAt) {
    }

    /** The report: a draft while {@code signedAt} is null, final after. */
    public record Report(String findings, Conclusion conclusion, String recommendations, String signedBy,
            Instant signedAt, boolean finalised) {
    }

    /** The referrer's cancellation: when, and ZorgDomein's reason code. */
    public record Cancellation(Instant cancelledAt, String reasonCode) {
    }

    /**
     * One consult in full: the question, the patient, the appointment and the report so far;
     * {@code cancellation} once the referral was cancelled.
     */
    public record ConsultDetails(UUID referralId, ConsultStatus status, String clarifiedQuestion,
            List<IntakeReason> reasons, Patient patient, String referrerAgb, boolean patientObjectsToGpReport,
            Appointment appointment, Report report, Cancellation cancellation) {
        static ConsultDetails of(Consult c) {
            var p = c.patient();
            Patient patient = new Patient(c.patientId(), p.name(), p.birthDate(), p.phone(), p.email());
            Appointment appointment = c.bookingKnown() ? new Appointment(c.consultId(), c.specialistAgb(),
                    c.specialistName(), c.startsAt(), c.endsAt()) : null;
            Report report = c.conclusion() == null ? null : new Report(c.findings(), c.conclusion(),
                    c.recommendations(), c.signedBy(), c.signedAt(), c.status() == ConsultStatus.COMPLETED);
            Cancellation cancellation = c.cancelledAt() == null ? null
                    : new Cancellation(c.cancelledAt(), c.cancellationReasonCode());
            return new ConsultDetails(c.referralId(), c.status(), c.clarifiedQuestion(), c.reasons(), patient,
                    c.referrerAgb(), c.patientObjectsToGpReport(), appointment, report, cancellation);
        }
    }
}
