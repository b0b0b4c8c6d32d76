package nl.consilium.scheduling.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.events.consult.ConsultNoShow;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.events.scheduling.MatchingFailed;
import nl.consilium.events.scheduling.MatchingFailureReason;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.platform.outbox.Outbox;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.platform.security.CurrentUser;
import nl.consilium.scheduling.domain.AssignedBy;
import nl.consilium.scheduling.domain.Appointment;
import nl.consilium.scheduling.domain.AppointmentStatus;
import nl.consilium.scheduling.domain.CancelledBy;
import nl.consilium.scheduling.domain.ConsultRequest;
import nl.consilium.scheduling.domain.ConsultRequestStatus;
import nl.consilium.scheduling.domain.MatchingRationale;
import nl.consilium.scheduling.domain.ReferralCancellation;
import nl.consilium.scheduling.domain.RequestedBy;
import nl.consilium.scheduling.domain.matching.MatchRequest;
import org.jboss.logging.Logger;

/**
 * Scheduling driven by events: plan the video consult of a suitable referral ({@code IntakeCompleted})
 * with the most suitable independent specialist by the matching rules, end the booking of a
 * cancelled referral ({@code ReferralCancelled}), and plan again once after the patient did not show up
 * ({@code ConsultNoShow}); and the read of one referral's booking.
 *
 * <p>A referral's {@code IntakeCompleted} (topic consilium.intake), {@code ReferralCancelled}
 * (topic consilium.referral) and {@code ConsultNoShow} (topic consilium.consult) come on three channels and may be consumed at the same moment, and a
 * coordinator may act on the same referral meanwhile: all of them take a transaction-scoped
 * PostgreSQL advisory lock per referral first ({@link BookingStore#lockReferral}), so one waits for
 * the other and then sees what it wrote.
 */
@ApplicationScoped
public class SchedulingService {

    static final String APPOINTMENT = "appointment";
    private static final Logger LOG = Logger.getLogger(SchedulingService.class);

    @Inject
    MatchingSupport matching;

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

    /** What {@link #book} did with a suitable referral. */
    public enum BookingOutcome {
        /** A consult was booked and {@link ConsultScheduled} published. */
        BOOKED,
        /** No specialist and slot fit the rules; {@link MatchingFailed} published, the case is on the coordinator's list. */
        MATCHING_FAILED,
        /** Every slot chosen was taken by concurrent bookings until the attempts ran out; on the coordinator's list. */
        UNASSIGNED,
        /** The referral was planned or put aside before; nothing changed. */
        ALREADY_HANDLED,
        /** The referral was cancelled (before or after the intake); nothing is booked. */
        CANCELLED
    }

    /** What {@link #cancel} did with a cancelled referral. */
    public enum CancellationOutcome {
        /** The booked consult was cancelled, its slot freed, and {@link ConsultCancelled} published. */
        APPOINTMENT_CANCELLED,
        /** The request waiting for the coordinator was closed. */
        REQUEST_CLOSED,
        /** Nothing was booked yet; the cancellation is remembered so that nothing will be. */
        NOTHING_BOOKED,
        /** The referral's cancellation was recorded before; nothing changed. */
        ALREADY_CANCELLED
    }

    /** What {@link #noShow} did with a no-show. */
    public enum NoShowOutcome {
        /** The first no-show: a new slot was booked by the rules (same consult id) and {@link ConsultRescheduled} published. */
        REBOOKED,
        /** The first no-show, but no slot fits the rules (e.g. none before the deadline): {@link MatchingFailed}, coordinator's list. */
        MATCHING_FAILED,
        /** The first no-show, but every slot chosen was taken by concurrent bookings: coordinator's list. */
        UNASSIGNED,
        /** The second no-show (or later): no automatic matching; the request waits for the coordinator. */
        REPEATED_NO_SHOW,
        /** This booking's no-show was recorded before (the same fact again, under another event id); nothing changed. */
        ALREADY_RECORDED,
        /** The consult or the referral was cancelled; nothing changed. */
        CANCELLED,
        /** Scheduling has no such booking, or it does not hold its slot any more (moved); nothing changed. */
        NOT_BOOKED
    }

    /**
     * Plans the video consult of a referral the intake nurse found suitable: the engine chooses the
     * best independent specialist and slot by the documented rules, the booking is inserted atomically
     * (a slot another instance took meanwhile is marked taken and the engine asked again), the
     * rationale stored, and {@link ConsultScheduled} (assigned by MATCHING) published in the same
     * transaction. When nothing fits, {@link MatchingFailed} is published with the reason and the case
     * waits on the coordinator's list. A referral is planned once, however often its intake arrives,
     * and never once it was cancelled (its cancellation travels on another topic and may come first).
     */
    @Transactional
    public BookingOutcome book(IntakeCompleted intake) {
        UUID referralId = Objects.requireNonNull(intake.referralId(), "referralId");
        matching.lockReferral(referralId);
        if (ReferralCancellation.isCancelled(referralId)) {
            LOG.infof("Referral %s was cancelled; it is not booked", referralId);
            return BookingOutcome.CANCELLED;
        }
        if (ConsultRequest.findById(referralId) != null || Appointment.current(referralId).isPresent()) {
            return BookingOutcome.ALREADY_HANDLED;
        }
        Instant now = clock.instant();
        ConsultRequest request = ConsultRequest.received(intake, intake.consultDueOn(),
                matching.availabilityJson(intake.patientAvailability()), now);
        request.persist();
        SchedulingSnapshot snapshot = matching.snapshot();
        MatchRequest match = matching.matchRequest(request, snapshot, now);
        UUID consultId = UUID.randomUUID();
        NewBooking.Template template = new NewBooking.Template(consultId, referralId, intake.patientId(),
                match.consultDueOn(), now, AssignedBy.MATCHING, null, null);
        long started = System.nanoTime();
        SlotBooker.Result result = matching.onConnection(connection ->
                matching.booker().book(connection, match, snapshot, template, List.of()));
        metrics.timer("consilium.scheduling.matching").record(System.nanoTime() - started,
                java.util.concurrent.TimeUnit.NANOSECONDS);
        if (result.conflicts() > 0) {
            metrics.counter("consilium.scheduling.slot.conflicts").increment(result.conflicts());
        }
        Rationale rationale = matching.rationale(request, match, result, snapshot, List.of());

        if (result.booked().isPresent()) {
            NewBooking booking = result.booked().get();
            request.booked(booking.consultId(), now);
            matching.record(referralId, MatchingRationale.Purpose.INTAKE, ConsultRequestStatus.BOOKED, null, now,
                    rationale);
            outbox.publish(matching.scheduled(booking));
            metrics.counter("consilium.scheduling.bookings", "outcome", "booked").increment();
            LOG.infof("Referral %s booked as consult %s with specialist %s at %s%s", referralId, booking.consultId(),
                    booking.specialistAgb(), booking.startsAt(), result.conflicts() == 0 ? ""
                            : " after " + result.conflicts() + " slot(s) were taken by concurrent bookings");
            return BookingOutcome.BOOKED;
        }
        if (result.referralBookedMeanwhile()) {
            return BookingOutcome.ALREADY_HANDLED;
        }
        if (result.attemptsExhausted()) {
            String explanation = "Every slot matching chose was taken by concurrent bookings ("
                    + result.conflicts() + " attempts); assign by hand";
            request.unassigned(explanation, now);
            matching.record(referralId, MatchingRationale.Purpose.INTAKE, ConsultRequestStatus.UNASSIGNED, null, now,
                    rationale);
            metrics.counter("consilium.scheduling.bookings", "outcome", "unassigned").increment();
            LOG.warnf("Referral %s needs the coordinator: %d chosen slots were taken concurrently", referralId,
                    result.conflicts());
            return BookingOutcome.UNASSIGNED;
        }
        MatchingFailureReason failure = result.match().failure().orElse(MatchingFailureReason.NO_INDEPENDENT_SPECIALIST);
        request.matchingFailed(failure, MatchingSupport.explain(failure, match), now);
        matching.record(referralId, MatchingRationale.Purpose.INTAKE, ConsultRequestStatus.MATCHING_FAILED, failure,
                now, rationale);
        outbox.publish(new MatchingFailed(referralId, intake.patientId(), request.specialty(), match.consultDueOn(),
                failure, now));
        metrics.counter("consilium.scheduling.bookings", "outcome", "matching-failed").increment();
        LOG.warnf("Referral %s needs the coordinator: matching failed (%s)", referralId, failure);
        return BookingOutcome.MATCHING_FAILED;
    }

    /**
     * The referrer cancelled the referral: a booked consult is cancelled, its slot freed for other
     * referrals and {@link ConsultCancelled} (cancelled by REFERRAL_CANCELLED, with ZorgDomein's reason
     * code, never the free text) published; a request waiting for the coordinator is closed; and the
     * cancellation is remembered so that an {@code IntakeCompleted} of the referral that comes later is
     * not booked. The first cancellation of a referral counts; another one changes nothing. Only ids go
     * to the log: the reason may be free text about the patient.
     */
    @Transactional
    public CancellationOutcome cancel(ReferralCancelled cancelled) {
        UUID referralId = Objects.requireNonNull(cancelled.referralId(), "referralId");
        matching.lockReferral(referralId);
        if (ReferralCancellation.isCancelled(referralId)) {
            return CancellationOutcome.ALREADY_CANCELLED;
        }
        ReferralCancellation.of(cancelled, clock.instant()).persist();
        Instant at = cancelled.cancelledAt();
        ConsultRequest request = ConsultRequest.findById(referralId);
        boolean wasOpen = request != null && request.status().isOpen();
        if (request != null) {
            request.cancel(at, CancelledBy.REFERRAL_CANCELLED);
        }
        Optional<Appointment> appointment = Appointment.booked(referralId);
        if (appointment.isPresent() && appointment.get().cancel(at, CancelledBy.REFERRAL_CANCELLED,
                cancelled.reasonCode())) {
            Appointment a = appointment.get();
            outbox.publish(new ConsultCancelled(referralId, a.consultId(), a.patientId(), a.specialistAgb(),
                    a.startsAt(), CancelledBy.REFERRAL_CANCELLED.name(), cancelled.reasonCode(), at));
            metrics.counter("consilium.scheduling.cancellations", "outcome", "appointment-cancelled").increment();
            LOG.infof("Referral %s cancelled: consult %s with specialist %s at %s is cancelled, the slot is free",
                    referralId, a.consultId(), a.specialistAgb(), a.startsAt());
            return CancellationOutcome.APPOINTMENT_CANCELLED;
        }
        if (wasOpen) {
            metrics.counter("consilium.scheduling.cancellations", "outcome", "request-closed").increment();
            LOG.infof("Referral %s cancelled: its request on the coordinator's list is closed", referralId);
            return CancellationOutcome.REQUEST_CLOSED;
        }
        metrics.counter("consilium.scheduling.cancellations", "outcome", "nothing-booked").increment();
        LOG.infof("Referral %s cancelled before scheduling booked it", referralId);
        return CancellationOutcome.NOTHING_BOOKED;
    }

    /**
     * The patient did not show up for the video consult (consult's {@code ConsultNoShow}). The booking
     * it names (referral, consult id and start) ends as {@code NO_SHOW}; then the referral's no-shows are
     * counted: the higher of scheduling's own count (its bookings that ended as a no-show, this one
     * included) and the event's {@code noShows}, so a wrong or missing number in the event never
     * causes an automatic second rebooking.
     * <ul>
     * <li>The <b>first</b> no-show: matching runs again by the same rules, from the later of now and the
     * moment the no-show was recorded, with the request's <b>original deadline</b> (the no-show slot
     * itself excluded). A fitting slot is booked for the same consult id (the new booking records the
     * no-show booking it replaces) and {@link ConsultRescheduled} published (requestedBy
     * {@code PATIENT}, the previous specialist and start), on which consult invites the patient again.
     * When nothing fits, typically {@code NONE_BEFORE_DEADLINE} because the deadline has (nearly)
     * passed, {@link MatchingFailed} is published and the coordinator decides, after the deadline only
     * with an explicit override.</li>
     * <li>The <b>second</b> no-show (or later): no automatic matching; the request becomes
     * {@code REPEATED_NO_SHOW} on the coordinator's list, who assigns by hand (nothing is published:
     * {@code MatchingFailed} has no reason for it).</li>
     * </ul>
     * Nothing changes for a cancelled consult or referral, for a booking scheduling does not know or
     * that was moved before, and for a no-show recorded before (idempotent also when the same fact
     * comes again under another event id).
     */
    @Transactional
    public NoShowOutcome noShow(ConsultNoShow noShow) {
        UUID referralId = Objects.requireNonNull(noShow.referralId(), "referralId");
        UUID consultId = Objects.requireNonNull(noShow.consultId(), "consultId");
        Instant startsAt = Objects.requireNonNull(noShow.startsAt(), "startsAt");
        matching.lockReferral(referralId);
        ConsultRequest request = ConsultRequest.findById(referralId);
        if (ReferralCancellation.isCancelled(referralId)
                || request != null && request.status() == ConsultRequestStatus.CANCELLED) {
            LOG.infof("No-show of consult %s of referral %s ignored: the consult or the referral was cancelled",
                    consultId, referralId);
            return NoShowOutcome.CANCELLED;
        }
        Optional<Appointment> booking = Appointment.of(referralId, consultId, startsAt);
        if (request == null || booking.isEmpty()) {
            LOG.warnf("No-show of consult %s of referral %s at %s ignored: scheduling has no such booking", consultId,
                    referralId, startsAt);
            return NoShowOutcome.NOT_BOOKED;
        }
        Appointment missed = booking.get();
        if (missed.status() == AppointmentStatus.NO_SHOW) {
            return NoShowOutcome.ALREADY_RECORDED;
        }
        if (!missed.isBooked()) {
            LOG.infof("No-show of consult %s of referral %s at %s ignored: that booking is %s", consultId, referralId,
                    startsAt, missed.status());
            return NoShowOutcome.NOT_BOOKED;
        }
        Instant now = clock.instant();
        long before = Appointment.noShows(referralId);
        missed.noShow(noShow.recordedAt() != null ? noShow.recordedAt() : now);
        int count = (int) Math.max(before + 1, noShow.noShows());
        request.noShow(count, now);
        if (count > 1) {
            request.repeatedNoShow("The patient did not show up again (" + count + " no-shows); no automatic"
                    + " matching: assign a specialist and slot by hand", now);
            metrics.counter("consilium.scheduling.no-shows", "outcome", "coordinator").increment();
            LOG.infof("Referral %s needs the coordinator: the patient did not show up again for consult %s",
                    referralId, consultId);
            return NoShowOutcome.REPEATED_NO_SHOW;
        }

        SchedulingSnapshot snapshot = matching.snapshot();
        Instant matchFrom = noShow.recordedAt() != null && noShow.recordedAt().isAfter(now) ? noShow.recordedAt() : now;
        MatchRequest match = matching.matchRequest(request, snapshot, matchFrom);
        List<SlotKey> excluded = List.of(new SlotKey(missed.specialistAgb(), missed.startsAt()));
        NewBooking.Template template = new NewBooking.Template(consultId, referralId, request.patientId(),
                match.consultDueOn(), now, AssignedBy.MATCHING, null, missed.bookingId());
        long started = System.nanoTime();
        SlotBooker.Result result = matching.onConnection(connection ->
                matching.booker().book(connection, match, snapshot, template, excluded));
        metrics.timer("consilium.scheduling.matching").record(System.nanoTime() - started,
                java.util.concurrent.TimeUnit.NANOSECONDS);
        if (result.conflicts() > 0) {
            metrics.counter("consilium.scheduling.slot.conflicts").increment(result.conflicts());
        }
        Rationale rationale = matching.rationale(request, match, result, snapshot, excluded);

        if (result.booked().isPresent()) {
            NewBooking rebooked = result.booked().get();
            request.booked(consultId, now);
            matching.record(referralId, MatchingRationale.Purpose.NO_SHOW, ConsultRequestStatus.BOOKED, null, now,
                    rationale);
            outbox.publish(new ConsultRescheduled(referralId, consultId, rebooked.patientId(),
                    rebooked.specialistAgb(), rebooked.specialistName(), rebooked.specialty(), rebooked.startsAt(),
                    rebooked.endsAt(), RequestedBy.PATIENT.name(), missed.specialistAgb(), missed.startsAt(), now));
            metrics.counter("consilium.scheduling.no-shows", "outcome", "rebooked").increment();
            LOG.infof("Consult %s of referral %s planned again after a no-show: from %s at %s to %s at %s", consultId,
                    referralId, missed.specialistAgb(), missed.startsAt(), rebooked.specialistAgb(),
                    rebooked.startsAt());
            return NoShowOutcome.REBOOKED;
        }
        if (result.referralBookedMeanwhile()) {
            // cannot happen under the referral's lock; the no-show is recorded, the other booking stands
            LOG.warnf("Referral %s has another booked consult; the no-show of consult %s is only recorded",
                    referralId, consultId);
            return NoShowOutcome.NOT_BOOKED;
        }
        if (result.attemptsExhausted()) {
            request.unassigned("The patient did not show up; every slot matching chose since was taken by concurrent"
                    + " bookings (" + result.conflicts() + " attempts); assign by hand", now);
            matching.record(referralId, MatchingRationale.Purpose.NO_SHOW, ConsultRequestStatus.UNASSIGNED, null, now,
                    rationale);
            metrics.counter("consilium.scheduling.no-shows", "outcome", "unassigned").increment();
            LOG.warnf("Referral %s needs the coordinator after a no-show: %d chosen slots were taken concurrently",
                    referralId, result.conflicts());
            return NoShowOutcome.UNASSIGNED;
        }
        MatchingFailureReason failure = result.match().failure().orElse(MatchingFailureReason.NO_INDEPENDENT_SPECIALIST);
        request.matchingFailed(failure, "The patient did not show up; " + MatchingSupport.explain(failure, match), now);
        matching.record(referralId, MatchingRationale.Purpose.NO_SHOW, ConsultRequestStatus.MATCHING_FAILED, failure,
                now, rationale);
        outbox.publish(new MatchingFailed(referralId, request.patientId(), request.specialty(), match.consultDueOn(),
                failure, now));
        metrics.counter("consilium.scheduling.no-shows", "outcome", "matching-failed").increment();
        LOG.warnf("Referral %s needs the coordinator after a no-show: matching failed (%s)", referralId, failure);
        return NoShowOutcome.MATCHING_FAILED;
    }

    /**
     * The consult of a referral (the booked one, else the last one, cancelled): for a coordinator, or
     * for the specialist it is booked with. Another specialist gets 404, as if there were none (the
     * refused access is audited).
     */
    @Transactional
    public Appointment appointment(UUID referralId) {
        Appointment appointment = Appointment.current(referralId)
                .orElseThrow(() -> ProblemException.notFound("Appointment of referral " + referralId));
        if (!user.hasRole("coordinator") && !user.agb().map(appointment::isWith).orElse(false)) {
            audit.recordRefused(AccessKind.READ, APPOINTMENT, referralId, appointment.patientId(), referralId,
                    AuditOutcome.DENIED);
            throw ProblemException.notFound("Appointment of referral " + referralId);
        }
        audit.record(AccessKind.READ, APPOINTMENT, referralId, appointment.patientId(), referralId);
        return appointment;
    }
}
