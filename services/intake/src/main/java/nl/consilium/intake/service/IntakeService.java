package nl.consilium.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.intake.IntakeCompleted;
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

/** The intake use cases: open a case per referral, the nurse's worklist, and the suitability decision. */
@ApplicationScoped
public class IntakeService {

    static final String RESOURCE = "intake-case";

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
            throw ProblemException.conflict("intake-already-decided", e.getMessage());
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
