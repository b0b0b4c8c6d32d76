package nl.consilium.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.identifiers.DutchIdentifiers;
import nl.consilium.intake.domain.AvailabilitySlot;
import nl.consilium.intake.domain.CallOutcome;
import nl.consilium.intake.domain.IntakeRecordUpdate;
import nl.consilium.intake.service.DecisionCommand;

/** What the nurse sends: call attempts, the intake record, the decision. */
public final class IntakeRequests {

    /** The reasons of the service (DOMAIN.md §1); the v1 values of before are only read, never taken. */
    static final Set<IntakeReason> CURRENT_REASONS = Set.of(IntakeReason.SURGERY_DECISION,
            IntakeReason.TREATMENT_OPTIONS, IntakeReason.DIAGNOSIS_DOUBT, IntakeReason.UNEXPLAINED_COMPLAINTS,
            IntakeReason.POLICY_EXPLANATION);
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private IntakeRequests() {
    }

    /**
     * A call to the patient: {@code REACHED}, {@code NOT_REACHED}, or {@code CALL_BACK} with the future
     * {@code callBackAt} the patient asked for.
     */
    public record CallAttemptRequest(@NotNull CallOutcome outcome, @Future Instant callBackAt) {

        @JsonIgnore
        @AssertTrue(message = "callBackAt is required with CALL_BACK and not allowed otherwise")
        public boolean isCallBackAtWithCallBack() {
            return outcome == null || (outcome == CallOutcome.CALL_BACK) == (callBackAt != null);
        }
    }

    /** A day of the week and a time range (Amsterdam wall-clock, {@code HH:mm}), {@code from} before {@code to}. */
    public record AvailabilityRequest(@NotNull DayOfWeek day, @NotNull LocalTime from, @NotNull LocalTime to) {

        @JsonIgnore
        @AssertTrue(message = "from must be before to")
        public boolean isFromBeforeTo() {
            return from == null || to == null || from.isBefore(to);
        }

        AvailabilitySlot toSlot() {
            return new AvailabilitySlot(day, from, to);
        }
    }

    /**
     * A (partial) save of the intake record. A field left out or null stays as it is; an empty text or
     * list clears it. {@code patientObjectsToGpReport} records the patient's objection to the report
     * going to the GP (who and when are recorded; every change is kept). After the decision only the
     * objection may change. {@code version} (or the {@code If-Match} header) is the case version the
     * client saw; a different current version answers 409. {@code firstSpecialistCopyConfirmed}: when
     * the transmural agreement requires the GP to send a copy of the letter to the first specialist,
     * whether the nurse confirmed it was sent.
     */
    public record IntakeRecordRequest(
            @Size(max = 2000) String clarifiedQuestion,
            @Size(max = 5) List<@NotNull IntakeReason> reasons,
            @Size(max = 200) String treatingSpecialist,
            String treatingSpecialistAgb,
            @Size(max = 200) String treatingHospital,
            @Pattern(regexp = "[a-z][a-z-]{1,60}", message = "must be a specialty code such as cardiology")
            String treatingSpecialty,
            @Size(max = 200) String focusArea,
            String preferredLanguage,
            @Size(max = 21) List<@NotNull @Valid AvailabilityRequest> availability,
            Boolean patientObjectsToGpReport,
            @PositiveOrZero Long version,
            Boolean firstSpecialistCopyConfirmed) {

        @JsonIgnore
        @AssertTrue(message = "reasons must be among SURGERY_DECISION, TREATMENT_OPTIONS, DIAGNOSIS_DOUBT,"
                + " UNEXPLAINED_COMPLAINTS and POLICY_EXPLANATION")
        public boolean isReasonsCurrent() {
            return reasons == null || reasons.stream().allMatch(r -> r == null || CURRENT_REASONS.contains(r));
        }

        @JsonIgnore
        @AssertTrue(message = "treatingSpecialistAgb must be an AGB code: 8 digits")
        public boolean isTreatingSpecialistAgbValid() {
            return treatingSpecialistAgb == null || treatingSpecialistAgb.isBlank()
                    || DutchIdentifiers.isValidAgb(treatingSpecialistAgb.strip());
        }

        @JsonIgnore
        @AssertTrue(message = "preferredLanguage must be an ISO 639-1 language code in lower case, such as nl or en")
        public boolean isPreferredLanguageIso6391() {
            return preferredLanguage == null || preferredLanguage.isBlank()
                    || (preferredLanguage.strip().length() == 2 && ISO_639_1.contains(preferredLanguage.strip()));
        }

        IntakeRecordUpdate toUpdate() {
            return new IntakeRecordUpdate(clarifiedQuestion, reasons, treatingSpecialist, treatingSpecialistAgb,
                    treatingHospital, treatingSpecialty, focusArea, preferredLanguage,
                    availability == null ? null : availability.stream().map(AvailabilityRequest::toSlot).toList(),
                    firstSpecialistCopyConfirmed);
        }
    }

    /**
     * The decision: {@code suitable=true} (the intake record supplies the rest), or {@code suitable=false}
     * with a {@code rejectionReason} from the fixed list and an {@code explanation} (required for
     * {@code OTHER}). {@code version} as for the intake record.
     */
    public record DecisionRequest(
            @NotNull Boolean suitable,
            RejectionReason rejectionReason,
            @Size(max = 2000) String explanation,
            @PositiveOrZero Long version) {

        @JsonIgnore
        @AssertTrue(message = "rejectionReason and explanation go with suitable=false only")
        public boolean isRejectionOnlyWhenUnsuitable() {
            return !Boolean.TRUE.equals(suitable) || (rejectionReason == null && explanation == null);
        }

        DecisionCommand toCommand() {
            return new DecisionCommand(suitable, rejectionReason, explanation);
        }
    }
}
