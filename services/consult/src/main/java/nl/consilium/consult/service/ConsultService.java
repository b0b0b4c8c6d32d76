package nl.consilium.consult.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.consult.domain.Consult;
import nl.consilium.consult.domain.ConsultStatus;
import nl.consilium.consult.domain.IllegalConsultTransition;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.consult.ConsultReport;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.platform.outbox.Outbox;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.platform.security.CurrentUser;
import org.jboss.logging.Logger;

/**
 * The consult use cases: assemble the consult from intake's and scheduling's events, end it when
 * the referrer cancels the referral, show it to its specialist (and the coordinator), and let the
 * specialist draft and sign the report.
 *
 * <p>A specialist sees a consult booked with them (token claim {@code agb}) once intake's part has
 * arrived too: before that there is no question and no patient to show. That includes a consult
 * cancelled after both parts arrived, so that the specialist learns it will not take place (it is
 * no longer in their list). Anything else answers 404, as if it did not exist; so does a consult
 * that was cancelled before anything else about it was known (there is nothing to show).
 */
@ApplicationScoped
public class ConsultService {

    static final String RESOURCE = "consult";
    private static final String COORDINATOR = "coordinator";
    private static final List<ConsultStatus> VISIBLE_TO_SPECIALIST = List.of(ConsultStatus.SCHEDULED,
            ConsultStatus.REPORT_DRAFTED, ConsultStatus.COMPLETED);
    private static final Logger LOG = Logger.getLogger(ConsultService.class);

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    /**
     * Intake's part: question, patient, referrer. Creates the consult when the booking has not come yet;
     * ignored when the report is final or the referral was cancelled.
     */
    @Transactional
    public void recordIntake(IntakeCompleted intake) {
        Consult consult = Consult.lockOrCreate(intake.referralId(), intake.patientId());
        if (!consult.recordIntake(intake)) {
            LOG.infof("Ignored the intake of referral %s: the consult is %s", intake.referralId(), consult.status());
        }
    }

    /**
     * Scheduling's part: specialist and time. Creates the consult when the intake has not come yet;
     * ignored when the report is final or the referral was cancelled.
     */
    @Transactional
    public void recordBooking(ConsultScheduled booking) {
        Consult consult = Consult.lockOrCreate(booking.referralId(), booking.patientId());
        if (!consult.recordBooking(booking)) {
            LOG.infof("Ignored a booking for referral %s: the consult is %s", booking.referralId(), consult.status());
        }
    }

    /**
     * The referrer cancelled the referral: the consult ends {@code CANCELLED} and no report can be
     * drafted or signed for it any more; intake's and scheduling's events that come later (on their
     * own topics, so possibly after this one) are ignored. When nothing of the consult is known yet,
     * the row is created to remember the cancellation. A consult whose report is final stays
     * {@code COMPLETED}. The first cancellation counts. Only the referral id goes to the log: the
     * reason may be free text about the patient.
     */
    @Transactional
    public void cancel(ReferralCancelled cancellation) {
        Consult consult = Consult.lockOrCreate(Objects.requireNonNull(cancellation.referralId(), "referralId"));
        ConsultStatus before = consult.status();
        if (consult.cancel(cancellation)) {
            LOG.infof("Consult of referral %s cancelled by the referrer (was %s)", cancellation.referralId(),
                    consult.patientId() == null ? "not known yet" : before);
        } else {
            LOG.infof("Ignored the cancellation of referral %s: the consult is %s", cancellation.referralId(), before);
        }
    }

    /** The caller's consults in appointment order; each one shown is a search access to its patient's data. */
    @Transactional
    public List<Consult> assignedToCaller() {
        String agb = user.agb().orElse(null);
        if (agb == null) {
            return List.of();
        }
        List<Consult> consults = Consult.list("specialistAgb = ?1 and status in ?2 order by startsAt, referralId",
                agb, VISIBLE_TO_SPECIALIST);
        consults.forEach(c -> audit.record(AccessKind.SEARCH, RESOURCE, c.referralId(), c.patientId(), c.referralId()));
        return consults;
    }

    /** One consult: any for the coordinator, only the caller's own for a specialist. */
    @Transactional
    public Consult read(UUID referralId) {
        Consult consult = user.hasRole(COORDINATOR) ? find(referralId) : findVisibleToCaller(referralId, AccessKind.READ);
        audit.record(AccessKind.READ, RESOURCE, referralId, consult.patientId(), referralId);
        return consult;
    }

    /** Saves the assigned specialist's draft report; 409 before the consult is scheduled or once the report is final. */
    @Transactional
    public Consult saveDraft(UUID referralId, ReportDraft draft) {
        Consult consult = findAssignedToCaller(referralId, AccessKind.UPDATE);
        try {
            consult.draftReport(draft.findings(), draft.conclusion(), draft.recommendations());
        } catch (IllegalConsultTransition e) {
            throw conflict(e);
        }
        audit.record(AccessKind.UPDATE, RESOURCE, referralId, consult.patientId(), referralId);
        return consult;
    }

    /**
     * Signs the draft report in the assigned specialist's name and announces {@link ConsultCompleted},
     * in the same transaction.
     */
    @Transactional
    public Consult finalise(UUID referralId) {
        Consult consult = findAssignedToCaller(referralId, AccessKind.UPDATE);
        Instant now = clock.instant();
        String signer = consult.specialistName() == null || consult.specialistName().isBlank() ? user.subject()
                : consult.specialistName();
        ConsultReport report;
        try {
            report = consult.finaliseReport(signer, now);
        } catch (IllegalConsultTransition e) {
            throw conflict(e);
        }
        outbox.publish(new ConsultCompleted(referralId, consult.consultId(), consult.patientId(),
                consult.specialistAgb(), consult.referrerAgb(), now, report, consult.patientObjectsToGpReport()));
        audit.record(AccessKind.UPDATE, RESOURCE, referralId, consult.patientId(), referralId);
        return consult;
    }

    private Consult findVisibleToCaller(UUID referralId, AccessKind kind) {
        Consult consult = findAssignedToCaller(referralId, kind);
        boolean cancelledAfterBothParts = consult.status() == ConsultStatus.CANCELLED && consult.intakeKnown()
                && consult.bookingKnown();
        if (!VISIBLE_TO_SPECIALIST.contains(consult.status()) && !cancelledAfterBothParts) {
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
        Consult consult = Consult.findById(referralId);
        if (consult == null || consult.patientId() == null) {
            throw notFound(referralId);
        }
        return consult;
    }

    private static ProblemException notFound(UUID referralId) {
        return ProblemException.notFound("Consult " + referralId);
    }

    private static ProblemException conflict(IllegalConsultTransition e) {
        String name = switch (e.reason()) {
            case NOT_READY -> "consult-not-ready";
            case REPORT_FINAL -> "report-final";
            case NO_DRAFT -> "no-draft-report";
            case CANCELLED -> "consult-cancelled";
        };
        return ProblemException.conflict(name, e.getMessage());
    }
}
