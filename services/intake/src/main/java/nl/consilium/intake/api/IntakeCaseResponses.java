package nl.consilium.intake.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.intake.domain.IntakeCase;
import nl.consilium.intake.domain.IntakeStatus;

/** What the intake API answers. */
public final class IntakeCaseResponses {

    private IntakeCaseResponses() {
    }

    /** A line of the nurse's worklist; {@code cancelledAt} is set for a cancelled case. */
    public record WorklistEntry(UUID referralId, IntakeStatus status, Instant receivedAt, Instant intakeDueBy,
            String patientName, String treatingSpecialty, Instant cancelledAt) {
        static WorklistEntry of(IntakeCase c) {
            return new WorklistEntry(c.referralId(), c.status(), c.receivedAt(), c.intakeDueBy(), c.patient().name(),
                    c.treatingSpecialty(), c.cancelledAt());
        }
    }

    public record Patient(UUID patientId, String name, LocalDate birthDate, String gender, String phone, String email) {
    }

    public record Referrer(String agb, String name, String organisation) {
    }

    public record Decision(java.time.Instant decidedAt, String decidedBy, String clarifiedQuestion,
            List<IntakeReason> reasons, String specialty, String preferredLanguage, boolean patientObjectsToGpReport,
            String unsuitableReason, LocalDate consultDueOn) {
    }

    /** The referrer's cancellation: when the gateway received it, and ZorgDomein's reason code and text. */
    public record Cancellation(Instant cancelledAt, String reasonCode, String reasonText) {
    }

    /**
     * One case in full, for the telephone intake. {@code decision} is null until the nurse decided;
     * {@code cancellation} is null unless the referrer cancelled the referral.
     */
    public record IntakeCaseDetails(UUID referralId, String zorgDomeinNumber, IntakeStatus status, Instant receivedAt,
            Instant intakeDueBy, Patient patient, Referrer referrer, String requestedProduct, String treatingSpecialty,
            String treatingHospital, Decision decision, Cancellation cancellation) {
        static IntakeCaseDetails of(IntakeCase c) {
            var p = c.patient();
            Decision decision = !c.decided() ? null
                    : new Decision(c.decidedAt(), c.decidedBy(), c.clarifiedQuestion(), c.reasons(), c.specialty(),
                            c.preferredLanguage(), c.patientObjectsToGpReport(), c.unsuitableReason(),
                            c.consultDueOn());
            return new IntakeCaseDetails(c.referralId(), c.zorgDomeinNumber(), c.status(), c.receivedAt(),
                    c.intakeDueBy(), new Patient(c.patientId(), p.name(), p.birthDate(), p.gender(), p.phone(), p.email()),
                    new Referrer(c.referrerAgb(), c.referrerName(), c.referrerOrganisation()), c.requestedProduct(),
                    c.treatingSpecialty(), c.treatingHospital(), decision,
                    c.cancelledAt() == null ? null : new Cancellation(c.cancelledAt(), c.cancellationReasonCode(),
                            c.cancellationReasonText()));
        }
    }
}
