package nl.consilium.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.intake.service.IntakeDecision;

/**
 * The nurse's decision after the telephone intake. A suitable referral needs the clarified question
 * and at least one reason; an unsuitable one needs the reason why.
 */
public record DecisionRequest(
        @NotNull Boolean suitable,
        @Size(max = 2000) String clarifiedQuestion,
        @Size(max = 5) List<@NotNull IntakeReason> reasons,
        @Pattern(regexp = "[a-z][a-z-]{1,60}", message = "must be a specialty code such as cardiology") String specialty,
        @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code") String preferredLanguage,
        boolean patientObjectsToGpReport,
        @Size(max = 2000) String unsuitableReason) {

    @JsonIgnore
    @AssertTrue(message = "a suitable referral needs clarifiedQuestion and at least one reason")
    public boolean isClarifiedWhenSuitable() {
        return !Boolean.TRUE.equals(suitable)
                || (clarifiedQuestion != null && !clarifiedQuestion.isBlank() && reasons != null && !reasons.isEmpty());
    }

    @JsonIgnore
    @AssertTrue(message = "an unsuitable referral needs unsuitableReason")
    public boolean isReasonedWhenUnsuitable() {
        return !Boolean.FALSE.equals(suitable) || (unsuitableReason != null && !unsuitableReason.isBlank());
    }

    IntakeDecision toDecision() {
        return new IntakeDecision(suitable, clarifiedQuestion, reasons == null ? List.of() : reasons, specialty,
                preferredLanguage, patientObjectsToGpReport, unsuitableReason);
    }
}
