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
        PatientDetails patient) implements ConsiliumEvent {
}
