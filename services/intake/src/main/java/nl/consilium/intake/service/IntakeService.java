package nl.consilium.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.intake.config.IntakeConfig;
import nl.consilium.intake.domain.ConsultDeadline;
import nl.consilium.intake.domain.IllegalIntakeTransition;
import nl.consilium.intake.domain.IntakeCase;
import nl.consilium.intake.domain.IntakeStatus;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.platform.outbox.Outbox;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.platform.security.CurrentUser;
import org.jboss.logging.Logger;

/**
 * The intake use cases: open a case per referral, close it when the referrer cancels the referral,
 * the nurse's worklist, and the suitability decision.
 */
@ApplicationScoped
public class IntakeService {

    static final String RESOURCE = "intake-case";
    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    @Inject
    IntakeConfig config;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    /** Opens the case for an accepted referral; a referral that has a case already is left alone. */
    @Transactional
    public void openCase(ReferralReceived referral) {
        if (IntakeCase.findById(referral.referralId()) == null) {
            IntakeCase.open(referral, config.intakeWindow()).persist();
        }
    }

    /**
     * The referrer cancelled the referral: its case ends {@code CANCELLED} with ZorgDomein's reason,
     * whatever the nurse decided before, and can no longer be decided. The case is locked first, so a
     * decision being saved at the same moment is either committed before (and then cancelled) or
     * refused after. The first cancellation counts; another one changes nothing.
     *
     * <p>A cancellation of a referral without a case is ignored (logged with the referral id only):
     * the gateway announces a cancellation only after the referral's {@code ReferralReceived}, on the
     * same topic and partition, so intake has always opened the case first; without one, the
     * referral's {@code ReferralReceived} never reached intake (it went to the dead-letter topic) and
     * there is nothing to close. Failing instead would only send the cancellation to the dead-letter
     * topic as well.
     */
    @Transactional
    public void cancelCase(ReferralCancelled cancellation) {
        IntakeCase intakeCase = IntakeCase.findById(cancellation.referralId(), LockModeType.PESSIMISTIC_WRITE);
        if (intakeCase == null) {
            LOG.warnf("Ignored the cancellation of referral %s: intake has no case for it", cancellation.referralId());
            return;
        }
        IntakeStatus before = intakeCase.status();
        if (intakeCase.cancel(cancellation)) {
            LOG.infof("Intake case %s cancelled by the referrer (was %s)", cancellation.referralId(), before);
        }
    }

    /** The worklist in deadline order; every case shown is a search access to its patient's data. */
    @Transactional
    public List<IntakeCase> worklist(IntakeStatus status) {
        List<IntakeCase> cases = IntakeCase.list("status = ?1 order by intakeDueBy, referralId", status);
        cases.forEach(c -> audit.record(AccessKind.SEARCH, RESOURCE, c.referralId(), c.patientId(), c.referralId()));
        return cases;
    }

    @Transactional
    public IntakeCase read(UUID referralId) {
        IntakeCase intakeCase = find(referralId);
        audit.record(AccessKind.READ, RESOURCE, referralId, intakeCase.patientId(), referralId);
        return intakeCase;
    }

    /**
     * Records the nurse's decision. A suitable case gets its consult deadline and is announced with
     * {@link IntakeCompleted}, in the same transaction.
     */
    @Transactional
    public IntakeCase decide(UUID referralId, IntakeDecision decision) {
        IntakeCase intakeCase = find(referralId);
        var now = clock.instant();
        try {
            if (decision.suitable()) {
                LocalDate today = LocalDate.ofInstant(now, config.zone());
                LocalDate dueOn = ConsultDeadline.workingDaysAfter(today, config.consultWorkingDays());
                intakeCase.markSuitable(user.subject(), now, decision.clarifiedQuestion(), decision.reasons(),
                        decision.specialty(), decision.preferredLanguage(), decision.patientObjectsToGpReport(), dueOn);
                outbox.publish(new IntakeCompleted(referralId, intakeCase.patientId(), now, user.subject(),
                        intakeCase.clarifiedQuestion(), intakeCase.reasons(), intakeCase.specialty(),
                        intakeCase.treatingHospital(), intakeCase.preferredLanguage(), dueOn,
                        intakeCase.patientObjectsToGpReport(), intakeCase.referrerAgb(), intakeCase.patient()));
            } else {
                intakeCase.markUnsuitable(user.subject(), now, decision.unsuitableReason());
            }
        } catch (IllegalIntakeTransition e) {
            throw ProblemException.conflict(switch (e.reason()) {
                case ALREADY_DECIDED -> "intake-already-decided";
                case CANCELLED -> "intake-cancelled";
            }, e.getMessage());
        }
        audit.record(AccessKind.UPDATE, RESOURCE, referralId, intakeCase.patientId(), referralId);
        return intakeCase;
    }

    private static IntakeCase find(UUID referralId) {
        IntakeCase intakeCase = IntakeCase.findById(referralId);
        if (intakeCase == null) {
            throw ProblemException.notFound("Intake case " + referralId);
        }
        return intakeCase;
    }
}
