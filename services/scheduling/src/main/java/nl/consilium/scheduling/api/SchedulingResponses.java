package nl.consilium.scheduling.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.consilium.events.intake.AvailabilityWindow;
import nl.consilium.events.scheduling.MatchingFailureReason;
import nl.consilium.scheduling.domain.AbsencePeriod;
import nl.consilium.scheduling.domain.Appointment;
import nl.consilium.scheduling.domain.AppointmentStatus;
import nl.consilium.scheduling.domain.AssignedBy;
import nl.consilium.scheduling.domain.CancelledBy;
import nl.consilium.scheduling.domain.ConsultRequest;
import nl.consilium.scheduling.domain.ConsultRequestStatus;
import nl.consilium.scheduling.domain.ExtraHours;
import nl.consilium.scheduling.domain.Organisation;
import nl.consilium.scheduling.domain.OrganisationKind;
import nl.consilium.scheduling.domain.RequestedBy;
import nl.consilium.scheduling.domain.Specialist;
import nl.consilium.scheduling.domain.Specialty;
import nl.consilium.scheduling.domain.WeeklyHours;
import nl.consilium.scheduling.service.AvailabilityService.AvailabilityDetails;
import nl.consilium.scheduling.service.AvailabilityService.Slots;
import nl.consilium.scheduling.service.CoordinatorService.RationaleRun;
import nl.consilium.scheduling.service.CoordinatorService.RequestDetails;

/** What the scheduling API answers. */
public final class SchedulingResponses {

    private SchedulingResponses() {
    }

    /** A page of items. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /**
     * A referral's video consult: the booked one, else the last one (then {@code status} CANCELLED since
     * {@code cancelledAt}, {@code cancelledBy} PATIENT, SPECIALIST or REFERRAL_CANCELLED; or NO_SHOW since
     * {@code noShowAt}, when the patient did not show up).
     * {@code withinDeadline} is false when it falls after {@code consultDueOn}; {@code assignedBy}
     * MATCHING or COORDINATOR; {@code deadlineOverridden} when a coordinator booked it after the deadline.
     */
    public record AppointmentView(UUID consultId, UUID referralId, String specialistAgb, String specialistName,
            String specialty, Instant startsAt, Instant endsAt, LocalDate consultDueOn, boolean withinDeadline,
            AppointmentStatus status, Instant cancelledAt, CancelledBy cancelledBy, AssignedBy assignedBy,
            boolean deadlineOverridden, Instant noShowAt) {
        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.consultId(), a.referralId(), a.specialistAgb(), a.specialistName(),
                    a.specialty(), a.startsAt(), a.endsAt(), a.consultDueOn(), a.withinDeadline(), a.status(),
                    a.cancelledAt(), a.cancelledBy(), a.assignedBy(), a.deadlineOverridden(), a.noShowAt());
        }
    }

    /** One booking of a consult, as kept: who assigned it (and overrode the deadline: who, when, why), how it ended. */
    public record BookingView(UUID bookingId, UUID consultId, String specialistAgb, String specialistName,
            Instant startsAt, Instant endsAt, AppointmentStatus status, Instant bookedAt, AssignedBy assignedBy,
            String assignedByUser, boolean withinDeadline, boolean deadlineOverridden, String overrideReason,
            Instant cancelledAt, CancelledBy cancelledBy, String cancelReason, Instant rescheduledAt,
            RequestedBy rescheduleRequestedBy, String rescheduleReason, Instant noShowAt) {
        static BookingView of(Appointment a) {
            return new BookingView(a.bookingId(), a.consultId(), a.specialistAgb(), a.specialistName(), a.startsAt(),
                    a.endsAt(), a.status(), a.bookedAt(), a.assignedBy(), a.assignedByUser(), a.withinDeadline(),
                    a.deadlineOverridden(), a.overrideReason(), a.cancelledAt(), a.cancelledBy(), a.cancelReason(),
                    a.rescheduledAt(), a.rescheduleRequestedBy(), a.rescheduleReason(), a.noShowAt());
        }
    }

    /** An organisation a specialist works for or is affiliated with. */
    public record OrganisationRef(String id, String name) {
    }

    /** An organisation of the registry. */
    public record OrganisationView(String id, String name, OrganisationKind kind, Set<String> aliases, long version) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id(), o.name(), o.kind(), o.aliases(), o.version());
        }
    }

    /** A specialty of the code list: the readable code, the Vektis COD016-VEKT code and the Dutch name. */
    public record SpecialtyView(String code, String vektisCode, String name) {
        static SpecialtyView of(Specialty s) {
            return new SpecialtyView(s.code(), s.vektisCode(), s.dutchName());
        }
    }

    /** A specialist in the registry. */
    public record SpecialistView(String agb, String name, String big, String specialty, String specialtyVektisCode,
            Set<String> focusAreas, List<OrganisationRef> organisations, Set<String> languages, int maxConsultsPerWeek,
            boolean active, long version, Instant updatedAt) {
        static SpecialistView of(Specialist s, Map<String, String> organisationNames) {
            return new SpecialistView(s.agb(), s.name(), s.big(), s.specialty(),
                    Specialty.ofCode(s.specialty()).map(Specialty::vektisCode).orElse(null), s.focusAreas(),
                    s.organisationIds().stream().map(id -> new OrganisationRef(id, organisationNames.get(id))).toList(),
                    s.languages(), s.maxConsultsPerWeek(), s.active(), s.version(), s.updatedAt());
        }
    }

    public record WindowView(DayOfWeek day, @JsonFormat(pattern = "HH:mm") LocalTime from,
            @JsonFormat(pattern = "HH:mm") LocalTime to) {
        static WindowView of(WeeklyHours h) {
            return new WindowView(h.day(), h.startsAt(), h.endsAt());
        }
    }

    public record AdditionView(UUID id, LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime from,
            @JsonFormat(pattern = "HH:mm") LocalTime to) {
        static AdditionView of(ExtraHours e) {
            return new AdditionView(e.id(), e.date(), e.startsAt(), e.endsAt());
        }
    }

    public record AbsenceView(UUID id, LocalDate from, LocalDate to, String reason) {
        static AbsenceView of(AbsencePeriod a) {
            return new AbsenceView(a.id(), a.from(), a.to(), a.reason());
        }
    }

    /** A specialist's availability; {@code version} guards the weekly windows. */
    public record AvailabilityView(String specialistAgb, long version, List<WindowView> weekly,
            List<AdditionView> additions, List<AbsenceView> absences) {
        static AvailabilityView of(AvailabilityDetails d) {
            return new AvailabilityView(d.specialistAgb(), d.weekly().version(),
                    d.weekly().windows().stream().map(WindowView::of).toList(),
                    d.additions().stream().map(AdditionView::of).toList(),
                    d.absences().stream().map(AbsenceView::of).toList());
        }
    }

    public record SlotItem(Instant startsAt, Instant endsAt, boolean booked) {
    }

    /** A specialist's slots in a range, free and booked, in time order. */
    public record SlotsView(String specialistAgb, long slotMinutes, Instant from, Instant to, List<SlotItem> slots) {
        static SlotsView of(Slots s) {
            return new SlotsView(s.specialistAgb(), s.slotLength().toMinutes(), s.from(), s.to(), s.slots().stream()
                    .map(v -> new SlotItem(v.slot().start(), v.slot().end(), v.booked())).toList());
        }
    }

    /** A booked consult in a specialist's agenda. */
    public record AgendaItem(UUID consultId, UUID referralId, UUID patientId, String specialty, Instant startsAt,
            Instant endsAt, LocalDate consultDueOn, AssignedBy assignedBy) {
        static AgendaItem of(Appointment a) {
            return new AgendaItem(a.consultId(), a.referralId(), a.patientId(), a.specialty(), a.startsAt(),
                    a.endsAt(), a.consultDueOn(), a.assignedBy());
        }
    }

    /** The consult of a request in the list. */
    public record ConsultRef(UUID consultId, String specialistAgb, String specialistName, Instant startsAt) {
        static ConsultRef of(Appointment a) {
            return a == null ? null : new ConsultRef(a.consultId(), a.specialistAgb(), a.specialistName(), a.startsAt());
        }
    }

    /** A scheduling request in the coordinator's list; {@code noShows}: how often the patient did not show up. */
    public record RequestSummary(UUID referralId, UUID patientId, String specialty, ConsultRequestStatus status,
            MatchingFailureReason failureReason, String reason, LocalDate consultDueOn, Instant createdAt,
            Instant updatedAt, Instant cancelledAt, CancelledBy cancelledBy, int noShows, ConsultRef consult) {
        static RequestSummary of(ConsultRequest r, Appointment booked) {
            return new RequestSummary(r.referralId(), r.patientId(), r.specialty(), r.status(), r.failureReason(),
                    r.reason(), r.consultDueOn(), r.createdAt(), r.updatedAt(), r.cancelledAt(), r.cancelledBy(),
                    r.noShows(), ConsultRef.of(booked));
        }
    }

    /** What was asked for the referral: the match input. */
    public record MatchInput(String specialty, String focusArea, String language, String treatingHospital,
            Set<String> treatingOrganisations, String treatingSpecialistAgb, List<AvailabilityWindow> patientAvailability,
            LocalDate consultDueOn) {
    }

    /** One scheduling request with its consult, the bookings it had and the rationale of every matching run. */
    public record RequestDetailView(UUID referralId, UUID patientId, ConsultRequestStatus status,
            MatchingFailureReason failureReason, String reason, Instant createdAt, Instant updatedAt, Instant cancelledAt,
            CancelledBy cancelledBy, int noShows, MatchInput input, AppointmentView appointment,
            List<BookingView> bookings, List<RationaleRun> matchings) {
        static RequestDetailView of(RequestDetails d) {
            ConsultRequest r = d.request();
            return new RequestDetailView(r.referralId(), r.patientId(), r.status(), r.failureReason(), r.reason(),
                    r.createdAt(), r.updatedAt(), r.cancelledAt(), r.cancelledBy(), r.noShows(),
                    new MatchInput(r.specialty(), r.focusArea(), r.preferredLanguage(), r.treatingHospital(),
                            d.treatingOrganisations(), r.treatingSpecialistAgb(), d.patientAvailability(),
                            d.consultDueOn()),
                    d.appointment().map(AppointmentView::of).orElse(null),
                    d.history().stream().map(BookingView::of).toList(), d.matchings());
        }
    }

    static <T> Page<T> page(List<T> items, int page, int size, long total) {
        return new Page<>(items, page, size, total);
    }

    static List<SpecialtyView> specialties(Collection<Specialty> specialties) {
        return specialties.stream().map(SpecialtyView::of).toList();
    }
}
