package nl.consilium.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.consilium.calendar.WorkingDayCalendar;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.platform.security.CurrentUser;
import nl.consilium.scheduling.config.SchedulingConfig;
import nl.consilium.scheduling.domain.AbsencePeriod;
import nl.consilium.scheduling.domain.Appointment;
import nl.consilium.scheduling.domain.ConsultHours;
import nl.consilium.scheduling.domain.ExtraHours;
import nl.consilium.scheduling.domain.WeeklyHours;
import nl.consilium.scheduling.domain.matching.SlotView;

/**
 * A specialist's availability (weekly windows, one-off additions, absences; Europe/Amsterdam wall
 * clock), the slots cut from it (free and booked) and the agenda of booked consults. A specialist
 * works on their own (by the token's {@code agb} claim), the coordinator on anyone's; another
 * specialist's answers 404. Every change bumps the registry revision, so matching sees it.
 */
@ApplicationScoped
public class AvailabilityService {

    @Inject
    RegistryService registry;

    @Inject
    RegistrySnapshots snapshots;

    @Inject
    MatchingSupport matching;

    @Inject
    SchedulingConfig config;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    /** Everything that makes up a specialist's availability. */
    public record AvailabilityDetails(String specialistAgb, ConsultHours weekly, List<ExtraHours> additions,
            List<AbsencePeriod> absences) {
    }

    /** The slots of a range. */
    public record Slots(String specialistAgb, Duration slotLength, Instant from, Instant to, List<SlotView> slots) {
    }

    @Transactional
    public AvailabilityDetails availability(String agb) {
        registry.specialist(agb);
        return new AvailabilityDetails(agb, hours(agb), ExtraHours.of(agb), AbsencePeriod.of(agb));
    }

    /** Replaces the weekly windows, if {@code version} is still the current one (else 409). */
    @Transactional
    public AvailabilityDetails replaceWeekly(String agb, long version, Collection<WeeklyHours> windows) {
        registry.specialist(agb);
        ConsultHours hours = hours(agb);
        RegistryService.requireVersion(hours.version(), version);
        hours.replace(windows);
        snapshots.changed();
        return new AvailabilityDetails(agb, hours, ExtraHours.of(agb), AbsencePeriod.of(agb));
    }

    @Transactional
    public ExtraHours addHours(String agb, LocalDate date, LocalTime from, LocalTime to) {
        registry.specialist(agb);
        ExtraHours extra = ExtraHours.on(agb, date, from, to, clock.instant());
        extra.persist();
        snapshots.changed();
        return extra;
    }

    @Transactional
    public void removeHours(String agb, UUID id) {
        registry.specialist(agb);
        ExtraHours extra = ExtraHours.findById(id);
        if (extra == null || !extra.specialistAgb().equals(agb)) {
            throw ProblemException.notFound("Addition " + id);
        }
        extra.delete();
        snapshots.changed();
    }

    @Transactional
    public AbsencePeriod addAbsence(String agb, LocalDate from, LocalDate to, String reason) {
        registry.specialist(agb);
        AbsencePeriod absence = AbsencePeriod.of(agb, from, to, reason, clock.instant());
        absence.persist();
        snapshots.changed();
        return absence;
    }

    @Transactional
    public void removeAbsence(String agb, UUID id) {
        registry.specialist(agb);
        AbsencePeriod absence = AbsencePeriod.findById(id);
        if (absence == null || !absence.specialistAgb().equals(agb)) {
            throw ProblemException.notFound("Absence " + id);
        }
        absence.delete();
        snapshots.changed();
    }

    /**
     * The specialist's slots wholly within {@code [from, to)}, free and booked, as the matching engine
     * cuts them (weekly windows and additions at the slot length in Amsterdam wall-clock time, without
     * absences and non-working days). Not patient data: no audit.
     */
    @Transactional
    public Slots slots(String agb, Instant from, Instant to) {
        registry.specialist(agb);
        requireRange(from, to);
        SchedulingSnapshot snapshot = snapshots.current();
        DatabaseBookings bookings = matching.onConnection(connection -> BookingStore.load(connection, List.of(agb),
                LocalDate.ofInstant(from, WorkingDayCalendar.ZONE), LocalDate.ofInstant(to, WorkingDayCalendar.ZONE)));
        return new Slots(agb, config.slotLength(), from, to,
                matching.matcher().slots(agb, from, to, snapshot.registry(), bookings));
    }

    /** The specialist's booked consults starting in {@code [from, to)}, soonest first; each one shown is audited. */
    @Transactional
    public List<Appointment> agenda(String agb, Instant from, Instant to) {
        registry.specialist(agb);
        requireRange(from, to);
        List<Appointment> agenda = Appointment.agenda(agb, from, to);
        agenda.forEach(a -> audit.record(AccessKind.SEARCH, SchedulingService.APPOINTMENT, a.referralId(),
                a.patientId(), a.referralId()));
        return agenda;
    }

    /** The calling specialist's agenda. */
    @Transactional
    public List<Appointment> myAgenda(Instant from, Instant to) {
        return agenda(user.agb().orElseThrow(() -> ProblemException.notFound("Your specialist profile")), from, to);
    }

    private ConsultHours hours(String agb) {
        ConsultHours hours = ConsultHours.findById(agb);
        if (hours == null) {
            hours = ConsultHours.none(agb);
            hours.persist();
        }
        return hours;
    }

    private void requireRange(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new ProblemException("invalid-range", "Invalid range", 400, "to must be after from");
        }
        if (Duration.between(from, to).compareTo(config.maxRange()) > 0) {
            throw new ProblemException("invalid-range", "Invalid range", 400,
                    "at most " + config.maxRange().toDays() + " days at a time");
        }
    }
}
