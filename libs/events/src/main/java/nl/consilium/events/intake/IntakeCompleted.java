package nl.consilium.events.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.common.PatientDetails;

/**
 * The intake nurse found the referral suitable for a second opinion. Owned by intake.
 *
 * @param consultDueOn the last day on which the consult must take place (10 working days)
 * @param patientObjectsToGpReport true when the patient does not want the report sent to the GP
 * @param treatingSpecialist the treating specialist's name, when known (added in v1, optional)
 * @param treatingSpecialistAgb the treating specialist's AGB code, when known, for independence
 *        checks (added in v1, optional)
 * @param focusArea the area within the specialty the question is about, for matching (optional)
 * @param patientAvailability when the patient can take the video call (optional; empty = any time)
 * @param intakeDueAt the intake deadline the case had (optional)
 * @param firstSpecialistCopyConfirmed when the transmural agreement requires the GP to send a copy of the
 *        referral letter to the first specialist: whether the nurse confirmed it was sent (null: not
 *        recorded; optional, added in v1)
 */
public record IntakeCompleted(
        UUID referralId,
        UUID patientId,
        Instant completedAt,
        String completedBy,
        String clarifiedQuestion,
        List<IntakeReason> reasons,
        String specialty,
        String treatingHospital,
        String preferredLanguage,
        LocalDate consultDueOn,
        boolean patientObjectsToGpReport,
        String referrerAgb,
        PatientDetails patient,
        String treatingSpecialist,
        String treatingSpecialistAgb,
        String focusArea,
        List<AvailabilityWindow> patientAvailability,
        Instant intakeDueAt,
        Boolean firstSpecialistCopyConfirmed) implements ConsiliumEvent {

    public IntakeCompleted {
        patientAvailability = patientAvailability == null ? List.of() : List.copyOf(patientAvailability);
    }

    /** The v1 fields of before issue 4 only; the later optional fields are empty. */
    public IntakeCompleted(UUID referralId, UUID patientId, Instant completedAt, String completedBy,
            String clarifiedQuestion, List<IntakeReason> reasons, String specialty, String treatingHospital,
            String preferredLanguage, LocalDate consultDueOn, boolean patientObjectsToGpReport, String referrerAgb,
            PatientDetails patient) {
        this(referralId, patientId, completedAt, completedBy, clarifiedQuestion, reasons, specialty, treatingHospital,
                preferredLanguage, consultDueOn, patientObjectsToGpReport, referrerAgb, patient, null, null, null,
                List.of(), null, null);
    }

    /** The fields of issue 4, without the copy confirmation. */
    public IntakeCompleted(UUID referralId, UUID patientId, Instant completedAt, String completedBy,
            String clarifiedQuestion, List<IntakeReason> reasons, String specialty, String treatingHospital,
            String preferredLanguage, LocalDate consultDueOn, boolean patientObjectsToGpReport, String referrerAgb,
            PatientDetails patient, String treatingSpecialist, String treatingSpecialistAgb, String focusArea,
            List<AvailabilityWindow> patientAvailability, Instant intakeDueAt) {
        this(referralId, patientId, completedAt, completedBy, clarifiedQuestion, reasons, specialty, treatingHospital,
                preferredLanguage, consultDueOn, patientObjectsToGpReport, referrerAgb, patient, treatingSpecialist,
                treatingSpecialistAgb, focusArea, patientAvailability, intakeDueAt, null);
    }
}
