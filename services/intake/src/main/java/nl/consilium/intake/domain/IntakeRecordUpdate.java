package nl.consilium.intake.domain;

import java.util.List;
import nl.consilium.events.intake.IntakeReason;

/**
 * A partial save of the intake record ({@link IntakeCase#saveIntake}): a null field stays as it was,
 * a blank text or an empty list clears it.
 */
public record IntakeRecordUpdate(
        String clarifiedQuestion,
        List<IntakeReason> reasons,
        String treatingSpecialist,
        String treatingSpecialistAgb,
        String treatingHospital,
        String treatingSpecialty,
        String focusArea,
        String preferredLanguage,
        List<AvailabilitySlot> availability,
        Boolean firstSpecialistCopyConfirmed) {

    /** Whether it changes nothing at all. */
    public boolean isEmpty() {
        return clarifiedQuestion == null && reasons == null && treatingSpecialist == null
                && treatingSpecialistAgb == null && treatingHospital == null && treatingSpecialty == null
                && focusArea == null && preferredLanguage == null && availability == null
                && firstSpecialistCopyConfirmed == null;
    }
}
