package nl.consilium.scheduling.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.consilium.calendar.WorkingDayCalendar;
import nl.consilium.events.intake.AvailabilityWindow;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.MatchingFailureReason;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.platform.outbox.Outbox;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.platform.security.CurrentUser;
import nl.consilium.scheduling.config.SchedulingConfig;
import nl.consilium.scheduling.domain.Appointment;
import nl.consilium.scheduling.domain.AssignedBy;
import nl.consilium.scheduling.domain.CancelledBy;
import nl.consilium.scheduling.domain.ConsultRequest;
import nl.consilium.scheduling.domain.ConsultRequestStatus;
import nl.consilium.scheduling.domain.MatchingRationale;
import nl.consilium.scheduling.domain.ReferralCancellation;
import nl.consilium.scheduling.domain.RequestedBy;
import nl.consilium.scheduling.domain.matching.CheckResult;
import nl.consilium.scheduling.domain.matching.MatchRequest;
import nl.consilium.scheduling.domain.matching.Slot;
import nl.consilium.scheduling.domain.matching.SpecialistProfile;
import org.jboss.logging.Logger;

/**
 * The coordinator's work: the list of scheduling cases (those matching could not plan first), one
 * case with the rationale of every matching run, assigning a specialist and slot by hand (the
 * engine's checks; after the deadline only with an explicit, recorded override), and moving or
 * cancelling a booked consult at the patient's or specialist's request. Every action takes the
 * referral's advisory lock, like the event consumers.
 */
@ApplicationScoped
public class CoordinatorService {

    static final String CONSULT_REQUEST = "consult-request";
    private static final Logger LOG = Logger.getLogger(CoordinatorService.class);

    @Inject
    MatchingSupport matching;

    @Inject
    SchedulingConfig config;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    /** A page of the requests and their booked consults. */
    public record RequestPage(List<ConsultRequest> requests, List<Appointment> booked, long total) {
    }

    /** One request with everything the coordinator needs to decide. */
    public record RequestDetails(ConsultRequest request, LocalDate consultDueOn, List<AvailabilityWindow> patientAvailability,
            Set<String> treatingOrganisations, Optional<Appointment> appointment, List<Appointment> history,
            List<RationaleRun> matchings) {
    }

    /** One matching run. */
    public record RationaleRun(UUID id, MatchingRationale.Purpose purpose, ConsultRequestStatus outcome,
            MatchingFailureReason failureReason, Instant matchedAt, Rationale rationale) {
    }

    /** A coordinator's choice of specialist and slot (the slot is {@code startsAt} plus the slot length). */
    public record Choice(String specialistAgb, Instant startsAt, boolean overrideDeadline, String overrideReason) {
    }

    /** The requests with these statuses, oldest first; each one listed is a search access to patient data. */
    @Transactional
    public RequestPage requests(Collection<ConsultRequestStatus> statuses, int page, int size) {
        List<ConsultRequest> requests = ConsultRequest.withStatus(statuses, page, size);
        long total = ConsultRequest.countWithStatus(statuses);
        requests.forEach(r -> audit.record(AccessKind.SEARCH, CONSULT_REQUEST, r.referralId(), r.patientId(),
                r.referralId()));
        List<Appointment> booked = Appointment.bookedFor(requests.stream().map(ConsultRequest::referralId).toList());
        return new RequestPage(requests, booked, total);
    }

    /** One request with its consult, the bookings it had and the rationale of every matching run. */
    @Transactional
    public RequestDetails request(UUID referralId) {
        ConsultRequest request = find(referralId);
        audit.record(AccessKind.READ, CONSULT_REQUEST, referralId, request.patientId(), referralId);
        SchedulingSnapshot snapshot = matching.snapshot();
        List<RationaleRun> runs = MatchingRationale.of(referralId).stream()
                .map(r -> new RationaleRun(r.id(), r.purpose(), r.outcome(), r.failureReason(), r.matchedAt(),
                        matching.read(r)))
                .toList();
        return new RequestDetails(request, matching.dueOn(request), matching.patientAvailability(request),
                new TreeSet<>(snapshot.organisationsNamed(request.treatingHospital())), Appointment.booked(referralId),
                Appointment.history(referralId), runs);
    }

    /**
     * Books the coordinator's choice for a request that has no consult (matching failed, or it is
     * unassigned), after the engine's checks ({@code Matcher.check}: the same rules as matching). A slot
     * after the deadline is allowed only with {@code overrideDeadline} and a reason; the override is
     * recorded with who and when, and published ({@code deadlineOverridden}). A request whose consult
     * ended as a no-show keeps its consult id (a consult keeps its id for life); otherwise the consult
     * gets a new one.
     *
     * @throws AssignmentRefused (422) listing every rule the choice breaks
     */
    @Transactional
    public Appointment assign(UUID referralId, Choice choice) {
        requireReasonForOverride(choice);
        matching.lockReferral(referralId);
        ConsultRequest request = find(referralId);
        requireNotCancelled(request);
        if (request.status() == ConsultRequestStatus.BOOKED || Appointment.booked(referralId).isPresent()) {
            throw ProblemException.conflict("already-booked",
                    "The referral has a booked consult; reschedule it instead");
        }
        Instant now = clock.instant();
        SchedulingSnapshot snapshot = matching.snapshot();
        MatchRequest match = matching.matchRequest(request, snapshot, now);
        Slot slot = slotAt(choice.startsAt());
        CheckResult check = check(match, snapshot, choice.specialistAgb(), slot, choice.overrideDeadline());
        if (!check.allowed()) {
            throw new AssignmentRefused("The choice breaks the matching rules", check.violations());
        }
        SpecialistProfile specialist = snapshot.registry().specialist(choice.specialistAgb()).orElseThrow();
        UUID consultId = request.consultId() != null ? request.consultId() : UUID.randomUUID();
        NewBooking booking = new NewBooking.Template(consultId, referralId, request.patientId(),
                match.consultDueOn(), now, AssignedBy.COORDINATOR, user.subject(), null)
                .at(specialist, slot, check.deadlineOverridden(), choice.overrideReason());
        insertOrConflict(booking);
        request.booked(booking.consultId(), now);
        Appointment appointment = matching.appointment(booking);
        audit.record(AccessKind.CREATE, SchedulingService.APPOINTMENT, referralId, request.patientId(), referralId);
        outbox.publish(matching.scheduled(booking));
        metrics.counter("consilium.scheduling.bookings", "outcome", "assigned").increment();
        LOG.infof("Referral %s assigned by hand as consult %s with specialist %s at %s%s", referralId,
                booking.consultId(), booking.specialistAgb(), booking.startsAt(),
                booking.deadlineOverridden() ? " (deadline overridden)" : "");
        return appointment;
    }

    /**
     * Moves a booked consult at the patient's or specialist's request, keeping its consult id: to the
     * slot the matching rules choose now without the old one (no {@code specialistAgb}), or to the
     * coordinator's choice after the same checks as {@link #assign}. The old slot is free in the same
     * transaction. Nothing changes when no slot fits (422).
     */
    @Transactional
    public Appointment reschedule(UUID referralId, RequestedBy requestedBy, String reason, Choice choice) {
        if (choice != null) {
            requireReasonForOverride(choice);
        }
        matching.lockReferral(referralId);
        ConsultRequest request = find(referralId);
        requireNotCancelled(request);
        Appointment old = Appointment.booked(referralId).orElseThrow(() -> ProblemException.conflict("not-booked",
                "The referral has no booked consult to reschedule"));
        Instant now = clock.instant();
        SchedulingSnapshot snapshot = matching.snapshot();
        MatchRequest match = matching.matchRequest(request, snapshot, now);
        SlotKey oldSlot = new SlotKey(old.specialistAgb(), old.startsAt());
        old.movedAway(now, requestedBy, reason);
        NewBooking.Template template = new NewBooking.Template(old.consultId(), referralId, request.patientId(),
                match.consultDueOn(), now, choice == null ? AssignedBy.MATCHING : AssignedBy.COORDINATOR,
                choice == null ? null : user.subject(), old.bookingId());
        NewBooking booking;
        if (choice == null) {
            SlotBooker.Result result = matching.onConnection(connection ->
                    matching.booker().book(connection, match, snapshot, template, List.of(oldSlot)));
            if (result.booked().isEmpty()) {
                String why = result.match().failure().map(f -> f + ": " + MatchingSupport.explain(f, match))
                        .orElse("every slot chosen was taken by concurrent bookings");
                throw ProblemException.unprocessable("no-slot", "No other slot fits the rules; nothing changed ("
                        + why + ")");
            }
            booking = result.booked().get();
            matching.record(referralId, MatchingRationale.Purpose.RESCHEDULE, ConsultRequestStatus.BOOKED, null, now,
                    matching.rationale(request, match, result, snapshot, List.of(oldSlot)));
        } else {
            Slot slot = slotAt(choice.startsAt());
            if (oldSlot.equals(new SlotKey(choice.specialistAgb(), slot.start()))) {
                throw new AssignmentRefused("The choice breaks the matching rules",
                        List.of("SAME_SLOT: the consult is at this slot already"));
            }
            CheckResult check = check(match, snapshot, choice.specialistAgb(), slot, choice.overrideDeadline());
            if (!check.allowed()) {
                throw new AssignmentRefused("The choice breaks the matching rules", check.violations());
            }
            SpecialistProfile specialist = snapshot.registry().specialist(choice.specialistAgb()).orElseThrow();
            booking = template.at(specialist, slot, check.deadlineOverridden(), choice.overrideReason());
            insertOrConflict(booking);
        }
        request.booked(booking.consultId(), now);
        Appointment appointment = matching.appointment(booking);
        audit.record(AccessKind.UPDATE, SchedulingService.APPOINTMENT, referralId, request.patientId(), referralId);
        outbox.publish(new ConsultRescheduled(referralId, booking.consultId(), booking.patientId(),
                booking.specialistAgb(), booking.specialistName(), booking.specialty(), booking.startsAt(),
                booking.endsAt(), requestedBy.name(), old.specialistAgb(), old.startsAt(), now));
        metrics.counter("consilium.scheduling.reschedules", "by", choice == null ? "matching" : "coordinator").increment();
        LOG.infof("Consult %s of referral %s moved from %s at %s to %s at %s", booking.consultId(), referralId,
                old.specialistAgb(), old.startsAt(), booking.specialistAgb(), booking.startsAt());
        return appointment;
    }

    /**
     * Cancels a booked consult at the patient's or specialist's request: the slot is free again, the
     * request is closed ({@code CANCELLED}, final) and {@link ConsultCancelled} published.
     */
    @Transactional
    public Appointment cancel(UUID referralId, RequestedBy requestedBy, String reason) {
        matching.lockReferral(referralId);
        ConsultRequest request = find(referralId);
        requireNotCancelled(request);
        Appointment appointment = Appointment.booked(referralId).orElseThrow(() -> ProblemException.conflict(
                "not-booked", "The referral has no booked consult to cancel"));
        Instant now = clock.instant();
        CancelledBy by = CancelledBy.of(requestedBy);
        appointment.cancel(now, by, reason);
        request.cancel(now, by);
        audit.record(AccessKind.UPDATE, SchedulingService.APPOINTMENT, referralId, request.patientId(), referralId);
        outbox.publish(new ConsultCancelled(referralId, appointment.consultId(), appointment.patientId(),
                appointment.specialistAgb(), appointment.startsAt(), by.name(), reason, now));
        metrics.counter("consilium.scheduling.cancellations", "outcome", "consult-cancelled").increment();
        LOG.infof("Consult %s of referral %s cancelled at the %s's request; the slot is free", appointment.consultId(),
                referralId, requestedBy.name().toLowerCase());
        return appointment;
    }

    private ConsultRequest find(UUID referralId) {
        ConsultRequest request = ConsultRequest.findById(referralId);
        if (request == null) {
            throw ProblemException.notFound("Scheduling request of referral " + referralId);
        }
        return request;
    }

    private static void requireNotCancelled(ConsultRequest request) {
        if (request.status() == ConsultRequestStatus.CANCELLED || ReferralCancellation.isCancelled(request.referralId())) {
            throw ProblemException.conflict("request-cancelled", "The consult or the referral was cancelled");
        }
    }

    private static void requireReasonForOverride(Choice choice) {
        if (choice.overrideDeadline() && (choice.overrideReason() == null || choice.overrideReason().isBlank())) {
            throw new ProblemException("validation-failed", "The request is not valid", 400,
                    "overrideReason is required when overrideDeadline is true");
        }
    }

    private Slot slotAt(Instant start) {
        return new Slot(start, start.plus(config.slotLength()));
    }

    private CheckResult check(MatchRequest match, SchedulingSnapshot snapshot, String agb, Slot slot,
            boolean overrideDeadline) {
        LocalDate[] days = MatchingSupport.days(match, LocalDate.ofInstant(slot.start(), WorkingDayCalendar.ZONE));
        DatabaseBookings bookings = matching.onConnection(connection ->
                BookingStore.load(connection, List.of(agb), days[0], days[1]));
        return matching.matcher().check(match, agb, slot, overrideDeadline, snapshot.registry(), bookings);
    }

    private void insertOrConflict(NewBooking booking) {
        boolean inserted = matching.onConnection(connection -> BookingStore.insert(connection, booking));
        if (!inserted) {
            throw ProblemException.conflict("slot-taken", "The slot was booked meanwhile; choose another");
        }
    }
}
