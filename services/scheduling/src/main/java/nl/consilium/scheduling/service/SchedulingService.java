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
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.scheduling.ConsultCancelled;
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
import nl.consilium.scheduling.domain.CancelledBy;
import nl.consilium.scheduling.domain.ConsultRequest;
import nl.consilium.scheduling.domain.ConsultRequestStatus;
import nl.consilium.scheduling.domain.MatchingRationale;
import nl.consilium.scheduling.domain.ReferralCancellation;
import nl.consilium.scheduling.domain.matching.MatchRequest;
import org.jboss.logging.Logger;

/**
 * Scheduling driven by events: plan the video consult of a suitable referral ({@code IntakeCompleted})
 * with the most suitable independent specialist by the matching rules, and end the booking of a
 * cancelled referral ({@code ReferralCancelled}); and the read of one referral's booking.
 *
 * <p>A referral's {@code IntakeCompleted} (topic consilium.intake) and {@code ReferralCancelled}
 * (topic consilium.referral) come on two channels and may be consumed at the same moment, and a
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
