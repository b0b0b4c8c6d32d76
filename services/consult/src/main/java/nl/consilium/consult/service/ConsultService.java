package nl.consilium.consult.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.consult.domain.Consult;
import nl.consilium.consult.domain.ConsultStatus;
import nl.consilium.consult.domain.DossierDocument;
import nl.consilium.consult.domain.IllegalConsultTransition;
import nl.consilium.consult.domain.Report;
import nl.consilium.consult.domain.ReportAddendum;
import nl.consilium.consult.domain.video.VideoRoom;
import nl.consilium.consult.service.mail.MailKind;
import nl.consilium.consult.service.mail.MailQueue;
import nl.consilium.consult.service.mail.PatientMails.Facts;
import nl.consilium.consult.service.video.VideoRooms;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.consult.ConsultNoShow;
import nl.consilium.events.consult.ConsultReportAmended;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.platform.outbox.Outbox;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.platform.security.CurrentUser;
import org.jboss.logging.Logger;

/**
 * The specialist's use cases: their consults by period, one consult with its intake summary, dossier,
 * room and report, and the named steps of the consult (dossier read, start, report, complete or
 * no-show, a new room, addenda). The coordinator may read any consult.
 *
 * <p>A specialist sees a consult booked with them (token claim {@code agb}) once intake's part has
 * arrived too: before that there is no question and no patient to show. That includes a consult
 * cancelled after both parts arrived, so that the specialist learns it will not take place (it is
 * not in their list). Anything else answers 404, as if it did not exist; a consult moved to another
 * specialist is the other one's from then on. Every read and change is audited (NEN 7513); a
 * refused attempt on a consult is audited as {@code DENIED} (not theirs) or {@code FAILED} (the
 * state does not allow it), in a transaction of its own. A refused change changes nothing.
 */
@ApplicationScoped
public class ConsultService {

    static final String RESOURCE = "consult";
    private static final String COORDINATOR = "coordinator";
    private static final List<ConsultStatus> LISTED = List.of(ConsultStatus.SCHEDULED, ConsultStatus.DOSSIER_READ,
            ConsultStatus.IN_PROGRESS, ConsultStatus.COMPLETED, ConsultStatus.NO_SHOW);
    private static final Logger LOG = Logger.getLogger(ConsultService.class);

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    VideoRooms rooms;

    @Inject
    MailQueue mails;

    @Inject
    DossierLinks dossierLinks;

    @Inject
    Clock clock;

    /** A period of appointment start times: {@code from} inclusive, {@code to} exclusive; null ends are open. */
    public record Period(Instant from, Instant to) {
    }

    /**
     * The caller's consults (not cancelled) whose appointment starts in {@code period}, in appointment
     * order; each one shown is a search access to its patient's data.
     */
    @Transactional
    public List<Consult> assignedToCaller(Period period) {
        String agb = user.agb().orElse(null);
        if (agb == null) {
            return List.of();
        }
        Instant from = period == null || period.from() == null ? Instant.EPOCH : period.from();
        Instant to = period == null || period.to() == null ? Instant.parse("9999-12-31T00:00:00Z") : period.to();
        List<Consult> consults = Consult.list("""
                specialistAgb = ?1 and status in ?2 and referrerAgb is not null and startsAt >= ?3 and startsAt < ?4
                order by startsAt, referralId""", agb, LISTED, from, to);
        consults.forEach(c -> audit.record(AccessKind.SEARCH, RESOURCE, c.referralId(), c.patientId(), c.referralId()));
        return consults;
    }

    /** One consult: any for the coordinator, only the caller's own for a specialist. */
    @Transactional
    public ConsultView read(UUID referralId) {
        Consult consult = user.hasRole(COORDINATOR) ? find(referralId) : findVisibleToCaller(referralId, AccessKind.READ);
        audit.record(AccessKind.READ, RESOURCE, referralId, consult.patientId(), referralId);
        return view(consult);
    }

    /** The specialist read the dossier. */
    @Transactional
    public ConsultView confirmDossierRead(UUID referralId) {
        return change(referralId, AccessKind.UPDATE, consult -> {
            consult.confirmDossierRead(user.subject(), clock.instant());
            return "dossier read";
        });
    }

    /** The specialist starts the video consult. */
    @Transactional
    public ConsultView start(UUID referralId) {
        return change(referralId, AccessKind.UPDATE, consult -> {
            consult.start(clock.instant());
            return "started";
        });
    }

    /**
     * Completes the consult with its signed report and announces {@link ConsultCompleted}, with the
     * report and the patient's objection as known now, in the same transaction.
     */
    @Transactional
    public ConsultView complete(UUID referralId) {
        return change(referralId, AccessKind.UPDATE, consult -> {
            Instant now = clock.instant();
            Report report = Report.findById(referralId);
            consult.complete(report, now);
            rooms.close(consult, now);
            outbox.publish(new ConsultCompleted(referralId, consult.consultId(), consult.patientId(),
                    consult.specialistAgb(), consult.referrerAgb(), now, report.toEvent(),
                    consult.patientObjectsToGpReport()));
            return "completed";
        });
    }

    /** The patient did not show up; announces {@link ConsultNoShow} with the referral's count so far. */
    @Transactional
    public ConsultView noShow(UUID referralId) {
        return change(referralId, AccessKind.UPDATE, consult -> {
            Instant now = clock.instant();
            int count = consult.recordNoShow(now);
            rooms.close(consult, now);
            outbox.publish(new ConsultNoShow(referralId, consult.consultId(), consult.patientId(),
                    consult.specialistAgb(), consult.startsAt(), now, count));
            return "no-show " + count;
        });
    }

    /** A new video room at the specialist's request: the old links stop working, the patient gets the new one. */
    @Transactional
    public ConsultView reissueRoom(UUID referralId) {
        return change(referralId, AccessKind.UPDATE, consult -> {
            if (!consult.status().isUpcoming()) {
                throw new IllegalConsultTransition(IllegalConsultTransition.Reason.ILLEGAL_TRANSITION,
                        consult.status(), "Cannot issue a new video room: the consult is " + consult.status());
            }
            Instant now = clock.instant();
            rooms.issue(consult, VideoRoom.Reason.REQUESTED, now);
            URI link = rooms.patientLink(consult, now).orElse(null);
            mails.queue(referralId, consult.patientEmail(), MailKind.NEW_LINK, new Facts(consult.patientName(),
                    consult.preferredLanguage(), consult.specialistName(), consult.specialistSpecialty(),
                    consult.startsAt(), consult.endsAt(), link), now);
            return "new room";
        });
    }

    /** Saves (or replaces) the assigned specialist's draft report. */
    @Transactional
    public ConsultView saveDraft(UUID referralId, ReportDraft draft) {
        return change(referralId, AccessKind.UPDATE, consult -> {
            Report existing = Report.findById(referralId);
            Report report = consult.draftReport(existing, draft.toContent(consult.clarifiedQuestion()), clock.instant());
            if (existing == null) {
                report.persist();
            }
            return "report drafted";
        });
    }

    /** Signs the draft report in the assigned specialist's name: it is final from now on. */
    @Transactional
    public ConsultView finalise(UUID referralId) {
        return change(referralId, AccessKind.UPDATE, consult -> {
            Report report = Report.findById(referralId);
            consult.signReport(report, user.subject(), signerName(consult), user.agb().orElse(null), clock.instant());
            return "report signed";
        });
    }

    /** A signed addendum to the final report; announces {@link ConsultReportAmended}. */
    @Transactional
    public ConsultView addAddendum(UUID referralId, String text) {
        return change(referralId, AccessKind.CREATE, consult -> {
            Instant now = clock.instant();
            Report report = Report.findById(referralId);
            int existing = (int) ReportAddendum.count("referralId", referralId);
            ReportAddendum addendum = consult.addAddendum(report, existing, text.strip(), user.subject(),
                    signerName(consult), user.agb().orElse(null), now);
            addendum.persist();
            outbox.publish(new ConsultReportAmended(referralId, consult.consultId(), consult.patientId(),
                    consult.referrerAgb(), addendum.sequence(), addendum.text(), addendum.signedBy(),
                    addendum.signedByName(), addendum.signedAt(), consult.patientObjectsToGpReport()));
            return "addendum " + addendum.sequence();
        });
    }

    /** One change by the assigned specialist: found, changed, flushed (version checked), audited. */
    private ConsultView change(UUID referralId, AccessKind kind, Change change) {
        Consult consult = findVisibleToCaller(referralId, kind);
        // every change of the consult or its report counts as a change of the consult: an event that
        // changed it meanwhile (a move to another specialist, a cancellation) makes this one fail
        Consult.getEntityManager().lock(consult, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        String what;
        try {
            what = change.apply(consult);
        } catch (IllegalConsultTransition e) {
            audit.recordRefused(kind, RESOURCE, referralId, consult.patientId(), referralId, AuditOutcome.FAILED);
            throw ConsultProblem.of(e);
        }
        // the version check now, not at commit: a concurrent change answers 409, nothing is written
        Consult.flush();
        audit.record(kind, RESOURCE, referralId, consult.patientId(), referralId);
        LOG.infof("Consult of referral %s: %s", referralId, what);
        return view(consult);
    }

    @FunctionalInterface
    private interface Change {
        String apply(Consult consult);
    }

    private ConsultView view(Consult consult) {
        Report report = Report.findById(consult.referralId());
        List<ReportAddendum> addenda = report == null ? List.of() : ReportAddendum.of(consult.referralId());
        boolean ownConsult = consult.isAssignedTo(user.agb().orElse(null)) && user.hasRole("specialist");
        Instant now = clock.instant();
        ConsultView.Room room = rooms.openRoom(consult).map(r -> new ConsultView.Room(r.provider(), r.issuedAt(),
                ownConsult ? rooms.specialistLink(consult, now).orElse(null) : null,
                rooms.linkExpiry(consult.endsAt()).orElse(null))).orElse(null);
        List<ConsultView.Document> dossier = DossierDocument.ofReferral(consult.referralId()).stream()
                .map(d -> new ConsultView.Document(d.documentId(), d.title(), d.contentType(), d.size(), d.sha256(),
                        d.source(), dossierLinks.downloadUrl(d), d.addedAt()))
                .toList();
        return new ConsultView(consult, report, addenda, room, dossier);
    }

    /** The name under a signature: the booked specialist's, else the token's {@code name}, else its subject. */
    private String signerName(Consult consult) {
        if (consult.specialistName() != null && !consult.specialistName().isBlank()) {
            return consult.specialistName();
        }
        return user.claim("name").orElse(user.subject());
    }

    private Consult findVisibleToCaller(UUID referralId, AccessKind kind) {
        Consult consult = findAssignedToCaller(referralId, kind);
        boolean cancelledAfterBothParts = consult.status() == ConsultStatus.CANCELLED && consult.intakeKnown()
                && consult.bookingKnown();
        if (!consult.intakeKnown() || (!LISTED.contains(consult.status()) && !cancelledAfterBothParts)) {
            throw notFound(referralId);
        }
        return consult;
    }

    /**
     * The consult when it is booked with the caller; 404 otherwise. An attempt on another
     * specialist's consult is logged as a denied access to that patient's data.
     */
    private Consult findAssignedToCaller(UUID referralId, AccessKind kind) {
        Consult consult = find(referralId);
        if (!consult.isAssignedTo(user.agb().orElse(null))) {
            audit.recordRefused(kind, RESOURCE, referralId, consult.patientId(), referralId, AuditOutcome.DENIED);
            throw notFound(referralId);
        }
        return consult;
    }

    /** The consult; a row that only remembers a cancellation (no patient known) is not a consult to show. */
    private static Consult find(UUID referralId) {
        Consult consult = Consult.findById(Objects.requireNonNull(referralId, "referralId"));
        if (consult == null || consult.patientId() == null) {
            throw notFound(referralId);
        }
        return consult;
    }

    private static ProblemException notFound(UUID referralId) {
        return ProblemException.notFound("Consult " + referralId);
    }
}
