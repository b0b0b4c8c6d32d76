package nl.consilium.consult.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.consilium.consult.domain.Consult;
import nl.consilium.consult.domain.ConsultStatus;
import nl.consilium.consult.domain.IllegalConsultTransition;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.consult.ConsultReport;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.platform.outbox.Outbox;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.platform.security.CurrentUser;
import org.jboss.logging.Logger;

/**
 * The consult use cases: assemble the consult from intake's and scheduling's events, show it to
 * its specialist (and the coordinator), and let the specialist draft and sign the report.
 *
 * <p>A specialist sees a consult booked with them (token claim {@code agb}) once intake's part has
 * arrived too: before that there is no question and no patient to show. Anything else answers 404,
 * as if it did not exist.
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

    /** Intake's part: question, patient, referrer. Creates the consult when the booking has not come yet. */
    @Transactional
    public void recordIntake(IntakeCompleted intake) {
        Consult.lockOrCreate(intake.referralId(), intake.patientId()).recordIntake(intake);
    }

    /** Scheduling's part: specialist and time. Creates the consult when the intake has not come yet. */
    @Transactional
    public void recordBooking(ConsultScheduled booking) {
        if (!Consult.lockOrCreate(booking.referralId(), booking.patientId()).recordBooking(booking)) {
            LOG.infof("Ignored a booking for referral %s: its report is final", booking.referralId());
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
        if (!VISIBLE_TO_SPECIALIST.contains(consult.status())) {
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

    private static Consult find(UUID referralId) {
        Consult consult = Consult.findById(referralId);
        if (consult == null) {
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
        };
        return ProblemException.conflict(name, e.getMessage());
    }
}
