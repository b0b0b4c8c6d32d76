package nl.consilium.scheduling.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import nl.consilium.scheduling.api.validation.AgbCode;
import nl.consilium.scheduling.api.validation.BigNumber;
import nl.consilium.scheduling.api.validation.LanguageCodes;
import nl.consilium.scheduling.api.validation.SpecialtyCode;
import nl.consilium.scheduling.domain.OrganisationKind;
import nl.consilium.scheduling.domain.RequestedBy;
import nl.consilium.scheduling.domain.Specialty;
import nl.consilium.scheduling.domain.WeeklyHours;
import nl.consilium.scheduling.service.CoordinatorService;
import nl.consilium.scheduling.service.RegistryService.SpecialistChange;

/** What clients send to scheduling. */
public final class SchedulingRequests {

    static final String ORGANISATION_ID = "[a-z0-9][a-z0-9-]{1,63}";

    private SchedulingRequests() {
    }

    /** A new specialist (coordinator). {@code active} defaults to true. */
    public record NewSpecialistRequest(
            @NotNull @AgbCode String agb,
            @NotBlank @Size(max = 200) String name,
            @NotNull @BigNumber String big,
            @NotNull @SpecialtyCode String specialty,
            @NotNull @Size(max = 20) Set<@NotBlank @Size(max = 100) String> focusAreas,
            @NotNull @Size(min = 1, max = 20) Set<@NotNull @Pattern(regexp = ORGANISATION_ID) String> organisations,
            @NotNull @Size(min = 1, max = 20) @LanguageCodes Set<String> languages,
            @NotNull @Min(0) @Max(100) Integer maxConsultsPerWeek,
            Boolean active) {

        SpecialistChange toChange() {
            return new SpecialistChange(0, name, big, Specialty.ofCode(specialty).orElseThrow(), focusAreas,
                    organisations, languages, maxConsultsPerWeek, active == null || active);
        }
    }

    /**
     * A changed profile: every field, and the {@code version} read. A specialist changing their own
     * profile may change only {@code focusAreas}, {@code languages} and {@code maxConsultsPerWeek}; the
     * other fields must stay as they are.
     */
    public record SpecialistUpdateRequest(
            @NotNull @PositiveOrZero Long version,
            @NotBlank @Size(max = 200) String name,
            @NotNull @BigNumber String big,
            @NotNull @SpecialtyCode String specialty,
            @NotNull @Size(max = 20) Set<@NotBlank @Size(max = 100) String> focusAreas,
            @NotNull @Size(min = 1, max = 20) Set<@NotNull @Pattern(regexp = ORGANISATION_ID) String> organisations,
            @NotNull @Size(min = 1, max = 20) @LanguageCodes Set<String> languages,
            @NotNull @Min(0) @Max(100) Integer maxConsultsPerWeek,
            @NotNull Boolean active) {

        SpecialistChange toChange() {
            return new SpecialistChange(version, name, big, Specialty.ofCode(specialty).orElseThrow(), focusAreas,
                    organisations, languages, maxConsultsPerWeek, active);
        }
    }

    /** A new organisation (coordinator): a short id of lower-case letters, digits and dashes. */
    public record NewOrganisationRequest(
            @NotNull @Pattern(regexp = ORGANISATION_ID, message = "must be 2-64 lower-case letters, digits and dashes")
            String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganisationKind kind,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> aliases) {
    }

    /** A changed organisation, with the {@code version} read. */
    public record OrganisationUpdateRequest(
            @NotNull @PositiveOrZero Long version,
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganisationKind kind,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> aliases) {
    }

    /** A weekly window, Amsterdam wall clock ({@code HH:mm}). */
    public record WindowRequest(@NotNull DayOfWeek day, @NotNull LocalTime from, @NotNull LocalTime to) {

        @JsonIgnore
        @AssertTrue(message = "from must be before to")
        public boolean isFromBeforeTo() {
            return from == null || to == null || from.isBefore(to);
        }

        WeeklyHours toHours() {
            return new WeeklyHours(day, from, to);
        }
    }

    /** The weekly windows, replacing all of them, with the availability {@code version} read. */
    public record WeeklyWindowsRequest(
            @NotNull @PositiveOrZero Long version,
            @NotNull @Size(max = 70) List<@NotNull @Valid WindowRequest> windows) {
    }

    /** A one-off addition on a date. */
    public record AdditionRequest(@NotNull LocalDate date, @NotNull LocalTime from, @NotNull LocalTime to) {

        @JsonIgnore
        @AssertTrue(message = "from must be before to")
        public boolean isFromBeforeTo() {
            return from == null || to == null || from.isBefore(to);
        }
    }

    /** Whole days away, {@code from} to {@code to} inclusive; the reason is optional (no patient data). */
    public record AbsenceRequest(@NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 200) String reason) {

        @JsonIgnore
        @AssertTrue(message = "to must not be before from")
        public boolean isToNotBeforeFrom() {
            return from == null || to == null || !to.isBefore(from);
        }
    }

    /**
     * A coordinator's choice of specialist and slot ({@code startsAt}; the slot lasts the configured
     * slot length). A slot after the deadline needs {@code overrideDeadline: true} and an
     * {@code overrideReason}.
     */
    public record AssignmentRequest(
            @NotNull @AgbCode String specialistAgb,
            @NotNull Instant startsAt,
            boolean overrideDeadline,
            @Size(max = 500) String overrideReason) {

        CoordinatorService.Choice toChoice() {
            return new CoordinatorService.Choice(specialistAgb, startsAt, overrideDeadline, overrideReason);
        }
    }

    /**
     * Move a booked consult at the patient's or specialist's request. Without {@code specialistAgb} and
     * {@code startsAt} the matching rules choose the new slot (never the old one); with both, the
     * coordinator's choice is checked like an assignment.
     */
    public record RescheduleRequest(
            @NotNull RequestedBy requestedBy,
            @NotBlank @Size(max = 500) String reason,
            @AgbCode String specialistAgb,
            Instant startsAt,
            boolean overrideDeadline,
            @Size(max = 500) String overrideReason) {

        @JsonIgnore
        @AssertTrue(message = "specialistAgb and startsAt go together")
        public boolean isSpecialistWithSlot() {
            return (specialistAgb == null) == (startsAt == null);
        }

        CoordinatorService.Choice toChoice() {
            return specialistAgb == null ? null
                    : new CoordinatorService.Choice(specialistAgb, startsAt, overrideDeadline, overrideReason);
        }
    }

    /** Cancel a booked consult at the patient's or specialist's request. */
    public record CancellationRequest(@NotNull RequestedBy requestedBy, @NotBlank @Size(max = 500) String reason) {
    }
}
