package nl.consilium.consult.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.consult.domain.Booking;
import nl.consilium.consult.domain.Consult;
import nl.consilium.consult.domain.DossierDocument;
import nl.consilium.consult.domain.Report;
import nl.consilium.consult.domain.video.VideoRoom;
import nl.consilium.consult.service.mail.MailKind;
import nl.consilium.consult.service.mail.MailQueue;
import nl.consilium.consult.service.mail.PatientMails.Facts;
import nl.consilium.consult.service.video.VideoRooms;
import nl.consilium.events.intake.DossierDocumentAdded;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.PatientObjectionChanged;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.ConsultScheduled;
import org.jboss.logging.Logger;

/**
 * What the other services' events do to a consult. Intake's {@code IntakeCompleted} and scheduling's
 * {@code ConsultScheduled} make it, in either order; once both are known a video room is issued and
 * the patient's invitation queued. {@code ConsultRescheduled} (or another booking) moves it: a new
 * room (the old links stop working), the patient is told, and a previous specialist loses the consult
 * and their unsigned draft. {@code ConsultCancelled} and {@code ReferralCancelled} cancel it, and an
 * invited patient is told. {@code PatientObjectionChanged}: the latest state wins.
 * {@code DossierDocumentAdded} adds a document's description to the referral's dossier, also before
 * the consult exists.
 *
 * <p>Every change, its room and its email are one transaction with the consumer's
 * {@code processed_event} row. Only ids go to the log.
 */
@ApplicationScoped
public class ConsultEvents {

    private static final Logger LOG = Logger.getLogger(ConsultEvents.class);

    @Inject
    VideoRooms rooms;

    @Inject
    MailQueue mails;

    @Inject
    Clock clock;

    /** Intake's part: question, situation, patient, referrer. */
    @Transactional
    public void recordIntake(IntakeCompleted intake) {
        Consult consult = Consult.lockOrCreate(intake.referralId(), intake.patientId());
        switch (consult.recordIntake(intake)) {
            case IGNORED -> LOG.infof("Ignored the intake of referral %s: the consult is %s", intake.referralId(),
                    consult.status());
            case NOTED -> {
            }
            case SCHEDULED -> openRoomAndTell(consult, VideoRoom.Reason.BOOKED, MailKind.INVITATION);
        }
    }

    /** Scheduling booked the consult (or booked it again). */
    @Transactional
    public void recordBooking(ConsultScheduled booking) {
        book(Booking.of(booking));
    }

    /** Scheduling moved the consult to another slot, maybe another specialist. */
    @Transactional
    public void recordReschedule(ConsultRescheduled moved) {
        book(Booking.of(moved));
    }

    private void book(Booking booking) {
        Consult consult = Consult.lockOrCreate(booking.referralId(), booking.patientId());
        Report report = Report.findById(booking.referralId());
        if (report != null && report.isFinal() && !consult.status().isFinal()) {
            LOG.infof("Ignored a booking for referral %s: its report is signed already", booking.referralId());
            return;
        }
        Consult.BookingOutcome outcome = consult.recordBooking(booking);
        if (report != null && !report.isFinal() && !report.authorAgb().equals(consult.specialistAgb())) {
            // the draft was the previous specialist's; the new one writes their own
            report.delete();
        }
        switch (outcome) {
            case IGNORED -> LOG.infof("Ignored a booking for referral %s: the consult is %s", booking.referralId(),
                    consult.status());
            case UNCHANGED, NOTED -> {
            }
            case SCHEDULED -> openRoomAndTell(consult, consult.invitedAt() == null ? VideoRoom.Reason.BOOKED
                    : VideoRoom.Reason.RESCHEDULED, MailKind.INVITATION);
            case MOVED -> openRoomAndTell(consult, VideoRoom.Reason.RESCHEDULED,
                    consult.invitedAt() == null ? MailKind.INVITATION : MailKind.RESCHEDULED);
        }
    }

    /** The referrer cancelled the referral. */
    @Transactional
    public void cancel(ReferralCancelled cancellation) {
        Consult consult = Consult.lockOrCreate(Objects.requireNonNull(cancellation.referralId(), "referralId"));
        cancel(consult, Objects.requireNonNull(cancellation.cancelledAt(), "cancelledAt"),
                Consult.CANCELLED_BY_REFERRER, cancellation.reasonCode());
    }

    /** Scheduling cancelled the booked consult (patient, specialist, or the referral's cancellation). */
    @Transactional
    public void cancel(ConsultCancelled cancellation) {
        Consult consult = Consult.lockOrCreate(Objects.requireNonNull(cancellation.referralId(), "referralId"));
        String by = cancellation.cancelledBy() == null ? "SCHEDULING" : cancellation.cancelledBy();
        // scheduling's reason is free text: not kept
        cancel(consult, Objects.requireNonNull(cancellation.cancelledAt(), "cancelledAt"), by, null);
    }

    private void cancel(Consult consult, Instant at, String by, String reasonCode) {
        String before = consult.patientId() == null ? "not known yet" : consult.status().name();
        Consult.CancelOutcome outcome = consult.cancel(at, by, reasonCode);
        switch (outcome) {
            case IGNORED -> LOG.infof("Ignored a cancellation (%s) of referral %s: the consult is %s", by,
                    consult.referralId(), consult.status());
            case CANCELLED, CANCELLED_PATIENT_INVITED -> {
                Instant now = clock.instant();
                rooms.close(consult, now);
                LOG.infof("Consult of referral %s cancelled (%s; was %s)", consult.referralId(), by, before);
                if (outcome == Consult.CancelOutcome.CANCELLED_PATIENT_INVITED) {
                    tell(consult, MailKind.CANCELLED, null, now);
                }
            }
        }
    }

    /**
     * Intake added a document to the referral's dossier: its description is kept for the consult's
     * dossier list (whether or not the consult exists yet); the bytes stay with intake. A document
     * known already is left as it is.
     */
    @Transactional
    public void recordDossierDocument(DossierDocumentAdded added) {
        UUID documentId = Objects.requireNonNull(added.documentId(), "documentId");
        if (DossierDocument.findById(documentId) != null) {
            LOG.infof("Ignored dossier document %s of referral %s: known already", documentId, added.referralId());
            return;
        }
        DossierDocument.fromIntake(added, clock.instant()).persist();
    }

    /** The patient's objection to the report going to the GP changed. */
    @Transactional
    public void changeObjection(PatientObjectionChanged change) {
        UUID referralId = Objects.requireNonNull(change.referralId(), "referralId");
        Consult consult = Consult.lock(referralId);
        if (consult == null || !consult.changeObjection(change.objects(), change.changedAt())) {
            LOG.infof("Ignored an objection change of referral %s (no consult, or older than the one known)",
                    referralId);
        }
    }

    private void openRoomAndTell(Consult consult, VideoRoom.Reason reason, MailKind kind) {
        Instant now = clock.instant();
        rooms.issue(consult, reason, now);
        tell(consult, kind, rooms.patientLink(consult, now).orElse(null), now);
        consult.invited(now);
    }

    private void tell(Consult consult, MailKind kind, java.net.URI link, Instant now) {
        Facts facts = new Facts(consult.patientName(), consult.preferredLanguage(), consult.specialistName(),
                consult.specialistSpecialty(), consult.startsAt(), consult.endsAt(), link);
        if (mails.queue(consult.referralId(), consult.patientEmail(), kind, facts, now).isEmpty()) {
            LOG.infof("No %s email for referral %s (no address, or nothing the patient was told of)", kind,
                    consult.referralId());
        }
    }
}
