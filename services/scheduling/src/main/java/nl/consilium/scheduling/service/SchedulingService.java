package nl.consilium.scheduling.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.scheduling.config.SchedulingConfig;
import nl.consilium.scheduling.domain.Appointment;
import nl.consilium.scheduling.domain.ConsultRequest;
import nl.consilium.scheduling.domain.ConsultRequestStatus;
import nl.consilium.scheduling.domain.ReferralCancellation;
import nl.consilium.scheduling.domain.SlotSearch;
import nl.consilium.scheduling.domain.Specialist;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.platform.outbox.Outbox;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.platform.security.CurrentUser;
import org.jboss.logging.Logger;

/**
 * The scheduling use cases: book the video consult of a suitable referral with an independent
 * specialist, end the booking of a cancelled referral, and the coordinator's and specialists' views
 * of the bookings.
 *
 * <p>A referral's {@code IntakeCompleted} (topic consilium.intake) and {@code ReferralCancelled}
 * (topic consilium.referral) come on two channels and may be consumed at the same moment: both take
 * a transaction-scoped PostgreSQL advisory lock per referral first, so one waits for the other and
 * then sees what it wrote (never a booking that misses a committed cancellation, never a
 * cancellation that misses a committed booking).
 */
@ApplicationScoped
public class SchedulingService {

    static final String APPOINTMENT = "appointment";
    static final String CONSULT_REQUEST = "consult-request";
    /** First key of the advisory locks that serialise the work on one referral ("SCHD"). */
    private static final int REFERRAL_LOCK_SPACE = 0x53434844;
    private static final Logger LOG = Logger.getLogger(SchedulingService.class);

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

    @Inject
    EntityManager entityManager;

    /** What {@link #book} did with a suitable referral. */
    public enum BookingOutcome {
        /** An appointment was booked and {@link ConsultScheduled} published. */
        BOOKED,
        /** No appointment could be booked; a consult request waits for the coordinator. */
        UNASSIGNED,
        /** The referral was booked or put aside before; nothing changed. */
        ALREADY_HANDLED,
        /** The referral was cancelled (before or after the intake); nothing is booked. */
        CANCELLED
    }

    /** What {@link #cancel} did with a cancelled referral. */
    public enum CancellationOutcome {
        /** The booked appointment was cancelled and its slot is free again. */
        APPOINTMENT_CANCELLED,
        /** The open consult request was closed. */
        REQUEST_CLOSED,
        /** Nothing was booked yet; the cancellation is remembered so that nothing will be. */
        NOTHING_BOOKED,
        /** The referral's cancellation was recorded before; nothing changed. */
        ALREADY_CANCELLED
    }

    /**
     * Books the video consult of a referral the intake nurse found suitable: the earliest free slot
     * with an active specialist of the requested specialty who does not work at the treating hospital,
     * announced with {@link ConsultScheduled} in the same transaction. When no specialist qualifies or
     * none has a free slot, the referral becomes an {@code UNASSIGNED} consult request for the
     * coordinator and nothing is published. A referral is booked once, however often it arrives, and
     * never once it was cancelled (its cancellation travels on another topic and may come first).
     */
    @Transactional
    public BookingOutcome book(IntakeCompleted intake) {
        UUID referralId = intake.referralId();
        lockReferral(referralId);
        if (ReferralCancellation.isCancelled(referralId)) {
            metrics.counter("consilium.scheduling.bookings", "outcome", "cancelled").increment();
            LOG.infof("Referral %s is not booked: it was cancelled", referralId);
            return BookingOutcome.CANCELLED;
        }
        if (Appointment.forReferral(referralId).isPresent() || ConsultRequest.findById(referralId) != null) {
            return BookingOutcome.ALREADY_HANDLED;
        }
        String specialty = intake.specialty();
        if (specialty == null || specialty.isBlank()) {
            return unassigned(intake, "The referral names no specialty");
        }
        Map<String, Specialist> qualified = Specialist.activeIn(specialty).stream()
                .filter(s -> s.isIndependentOf(intake.treatingHospital()))
                .collect(Collectors.toMap(Specialist::agb, Function.identity()));
        if (qualified.isEmpty()) {
            return unassigned(intake, "No active " + specialty + " specialist outside the treating hospital");
        }

        SlotSearch search = new SlotSearch(config.zone(), config.dayStarts(), config.dayEnds(), config.slotLength(),
                config.searchWorkingDays());
        Instant now = clock.instant();
        // never in the past, even when the event arrives late
        Instant after = intake.completedAt() == null || intake.completedAt().isBefore(now) ? now : intake.completedAt();
        SlotSearch.Window window = search.window(after);
        for (int attempt = 1; attempt <= config.bookingAttempts(); attempt++) {
            Map<String, List<SlotSearch.Booked>> booked = Appointment
                    .overlapping(qualified.keySet(), window.from(), window.until()).stream()
                    .collect(Collectors.groupingBy(Appointment::specialistAgb,
                            Collectors.mapping(Appointment::booked, Collectors.toList())));
            List<SlotSearch.Candidate> candidates = qualified.keySet().stream()
                    .map(agb -> new SlotSearch.Candidate(agb, booked.getOrDefault(agb, List.of())))
                    .toList();
            Optional<SlotSearch.Slot> slot = search.earliestFree(after, candidates);
            if (slot.isEmpty()) {
                return unassigned(intake, "No " + specialty + " specialist outside the treating hospital has a free"
                        + " slot in the next " + config.searchWorkingDays() + " working days");
            }
            Specialist specialist = qualified.get(slot.get().specialistAgb());
            Optional<Appointment> appointment = Appointment.tryBook(referralId, intake.patientId(), specialist,
                    slot.get(), intake.consultDueOn(), config.zone(), now);
            if (appointment.isPresent()) {
                Appointment a = appointment.get();
                metrics.counter("consilium.scheduling.bookings", "outcome", "booked").increment();
                outbox.publish(new ConsultScheduled(referralId, a.consultId(), a.patientId(), a.specialistAgb(),
                        a.specialistName(), a.specialty(), a.startsAt(), a.endsAt()));
                LOG.infof("Referral %s booked as consult %s with specialist %s at %s%s", referralId, a.consultId(),
                        a.specialistAgb(), a.startsAt(), a.withinDeadline() ? "" : " (after the consult deadline)");
                return BookingOutcome.BOOKED;
            }
            if (Appointment.forReferral(referralId).isPresent()) {
                return BookingOutcome.ALREADY_HANDLED;
            }
            metrics.counter("consilium.scheduling.slot.conflicts").increment();
            LOG.debugf("Referral %s: slot %s of %s was taken meanwhile; attempt %d", referralId,
                    slot.get().startsAt(), slot.get().specialistAgb(), attempt);
        }
        return unassigned(intake, "Every slot found was taken by concurrent bookings; book by hand");
    }

    /**
     * The referrer cancelled the referral: a booked appointment is cancelled and its slot freed for
     * other referrals, an open consult request is closed, and the cancellation is remembered so that
     * an {@code IntakeCompleted} of the referral that comes later is not booked. The first
     * cancellation of a referral counts; another one changes nothing. Nothing is published (the
     * contract has no event for a freed slot yet; consult and reporting read the cancellation
     * themselves). Only ids go to the log: the reason may be free text about the patient.
     */
    @Transactional
    public CancellationOutcome cancel(ReferralCancelled cancelled) {
        UUID referralId = Objects.requireNonNull(cancelled.referralId(), "referralId");
        lockReferral(referralId);
        if (ReferralCancellation.isCancelled(referralId)) {
            return CancellationOutcome.ALREADY_CANCELLED;
        }
        ReferralCancellation.of(cancelled, clock.instant()).persist();
        Instant at = cancelled.cancelledAt();
        Optional<Appointment> appointment = Appointment.forReferral(referralId);
        if (appointment.isPresent() && appointment.get().cancel(at)) {
            Appointment a = appointment.get();
            metrics.counter("consilium.scheduling.cancellations", "outcome", "appointment-cancelled").increment();
            LOG.infof("Referral %s cancelled: consult %s with specialist %s at %s is cancelled, the slot is free",
                    referralId, a.consultId(), a.specialistAgb(), a.startsAt());
            return CancellationOutcome.APPOINTMENT_CANCELLED;
        }
        ConsultRequest request = ConsultRequest.findById(referralId);
        if (request != null && request.cancel(at)) {
            metrics.counter("consilium.scheduling.cancellations", "outcome", "request-closed").increment();
            LOG.infof("Referral %s cancelled: its consult request is closed", referralId);
            return CancellationOutcome.REQUEST_CLOSED;
        }
        metrics.counter("consilium.scheduling.cancellations", "outcome", "nothing-booked").increment();
        LOG.infof("Referral %s cancelled before scheduling booked it", referralId);
        return CancellationOutcome.NOTHING_BOOKED;
    }

    /** Waits until no other transaction works on this referral; held until this one ends. */
    private void lockReferral(UUID referralId) {
        entityManager.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, ?2)) locked")
                .setParameter(1, REFERRAL_LOCK_SPACE)
                .setParameter(2, referralId.hashCode())
                .getSingleResult();
    }

    private BookingOutcome unassigned(IntakeCompleted intake, String reason) {
        ConsultRequest.unassigned(intake.referralId(), intake.patientId(), intake.specialty(), reason, clock.instant())
                .persist();
        metrics.counter("consilium.scheduling.bookings", "outcome", "unassigned").increment();
        LOG.warnf("Referral %s needs the coordinator: %s", intake.referralId(), reason);
        return BookingOutcome.UNASSIGNED;
    }

    /**
     * The booked consult of a referral: for a coordinator, or for the specialist it is booked with.
     * Another specialist gets 404, as if there were none (the refused access is audited).
     */
    @Transactional
    public Appointment appointment(UUID referralId) {
        Appointment appointment = Appointment.forReferral(referralId)
                .orElseThrow(() -> ProblemException.notFound("Appointment of referral " + referralId));
        if (!user.hasRole("coordinator") && !user.agb().map(appointment::isWith).orElse(false)) {
            audit.recordRefused(AccessKind.READ, APPOINTMENT, referralId, appointment.patientId(), referralId,
                    AuditOutcome.DENIED);
            throw ProblemException.notFound("Appointment of referral " + referralId);
        }
        audit.record(AccessKind.READ, APPOINTMENT, referralId, appointment.patientId(), referralId);
        return appointment;
    }

    /** The calling specialist's own appointments (by the {@code agb} claim), upcoming first. */
    @Transactional
    public List<Appointment> callersSchedule() {
        Optional<String> agb = user.agb();
        if (agb.isEmpty()) {
            return List.of();
        }
        List<Appointment> schedule = Appointment.scheduleOf(agb.get(), clock.instant());
        schedule.forEach(a -> audit.record(AccessKind.SEARCH, APPOINTMENT, a.referralId(), a.patientId(),
                a.referralId()));
        return schedule;
    }

    /** The specialist registry (no patient data). */
    @Transactional
    public List<Specialist> registry() {
        return Specialist.registry();
    }

    /** The consult requests with this status, oldest first; each one shown is a search access. */
    @Transactional
    public List<ConsultRequest> consultRequests(ConsultRequestStatus status) {
        List<ConsultRequest> requests = ConsultRequest.withStatus(status);
        requests.forEach(r -> audit.record(AccessKind.SEARCH, CONSULT_REQUEST, r.referralId(), r.patientId(),
                r.referralId()));
        return requests;
    }
}
