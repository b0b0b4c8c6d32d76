package nl.consilium.intake.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.consilium.calendar.WorkingDayCalendar;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.events.intake.AvailabilityWindow;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeRejected;
import nl.consilium.events.intake.PatientObjectionChanged;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralLetterReceived;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.referral.ReferralSupplemented;
import nl.consilium.intake.config.IntakeConfig;
import nl.consilium.intake.domain.CallAttempt;
import nl.consilium.intake.domain.CallOutcome;
import nl.consilium.intake.domain.ClaimAction;
import nl.consilium.intake.domain.ClaimChange;
import nl.consilium.intake.domain.IllegalIntakeTransition;
import nl.consilium.intake.domain.IntakeCase;
import nl.consilium.intake.domain.IntakeClaim;
import nl.consilium.intake.domain.IntakeRecordUpdate;
import nl.consilium.intake.domain.IntakeStatus;
import nl.consilium.intake.domain.ObjectionChange;
import nl.consilium.intake.domain.ReferralDocument;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.platform.outbox.Outbox;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.platform.security.CurrentUser;
import org.jboss.logging.Logger;

/**
 * The intake use cases: the case's life from the gateway's events (opened, documents arrived,
 * cancelled), the nurse's worklist and case, the claim, call attempts, the intake record with the
 * patient's objection, and the decision. Every change of a case by a nurse locks the case's row first
 * and needs the case's claim ({@link #requireClaimHolder}), so changes of one case happen one after
 * another; a client that sends the version it saw gets a 409 when the case changed since.
 */
@ApplicationScoped
public class IntakeService {

    static final String RESOURCE = "intake-case";
    static final String CLAIM_RESOURCE = "intake-claim";
    static final String CALL_RESOURCE = "call-attempt";
    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    @Inject
    IntakeConfig config;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    // --- from the gateway ------------------------------------------------------------------------

    /**
     * Opens the case for an accepted referral, with its deadlines counted from the referral's arrival
     * by the working-day calendar; a referral that has a case already is left alone.
     */
    @Transactional
    public void openCase(ReferralReceived referral) {
        if (IntakeCase.findById(referral.referralId()) == null) {
            Instant arrival = referral.receivedAt();
            IntakeCase.open(referral, calendar.intakeDueAt(arrival), calendar.consultDueOn(arrival)).persist();
        }
    }

    /**
     * The referral letter arrived. A letter of a referral without a case is ignored (logged with the
     * referral id only): the gateway announces it after the referral's {@code ReferralReceived} on the
     * same partition, so intake lacks the case only when that event went to the dead-letter topic.
     */
    @Transactional
    public void letterReceived(ReferralLetterReceived letter) {
        if (knownCase(letter.referralId(), "referral letter") && !ReferralDocument.known(letter.referralId(),
                letter.bundleId())) {
            ReferralDocument.letter(letter).persist();
        }
    }

    /** A supplement or the questionnaire arrived; ignored like a letter when intake has no case. */
    @Transactional
    public void supplemented(ReferralSupplemented supplement) {
        if (knownCase(supplement.referralId(), supplement.documentType()) && !ReferralDocument.known(
                supplement.referralId(), supplement.bundleId())) {
            ReferralDocument.supplement(supplement).persist();
        }
    }

    private static boolean knownCase(UUID referralId, String what) {
        if (IntakeCase.findById(referralId) == null) {
            LOG.warnf("Ignored a %s of referral %s: intake has no case for it", what, referralId);
            return false;
        }
        return true;
    }

    /**
     * The referrer cancelled the referral: its case ends {@code CANCELLED} with ZorgDomein's reason,
     * whatever the nurse decided before, and can no longer be changed. The case is locked first, so a
     * change being saved at the same moment is either committed before (and then cancelled) or refused
     * after. The first cancellation counts; another one changes nothing.
     *
     * <p>A cancellation of a referral without a case is ignored (logged with the referral id only), as
     * a letter is.
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

    // --- reading -----------------------------------------------------------------------------------

    /**
     * One page of the worklist: cases of the given statuses, optionally only the overdue ones (or only
     * the others) and only those the caller claimed; overdue first, then by intake deadline. Every case
     * shown is a search access to its patient's data.
     */
    @Transactional
    public WorklistPage worklist(Set<IntakeStatus> statuses, Boolean overdue, boolean assignedToMe, int page,
            int size) {
        StringBuilder where = new StringBuilder("status in :statuses");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("statuses", statuses);
        if (overdue != null) {
            where.append(overdue ? " and overdueAt is not null" : " and overdueAt is null");
        }
        if (assignedToMe) {
            where.append(" and referralId in (select c.referralId from IntakeClaim c where c.claimedBy = :me)");
            parameters.put("me", user.subject());
        }
        long total = IntakeCase.count(where.toString(), parameters);
        List<IntakeCase> cases = IntakeCase.<IntakeCase>find(where
                        + " order by case when overdueAt is null then 1 else 0 end, intakeDueAt, referralId", parameters)
                .page(page, size).list();

        List<UUID> ids = cases.stream().map(IntakeCase::referralId).toList();
        Map<UUID, String> claimedBy = new HashMap<>();
        if (!ids.isEmpty()) {
            IntakeClaim.<IntakeClaim>list("referralId in ?1", ids).forEach(c -> claimedBy.put(c.referralId(),
                    c.claimedBy()));
        }
        Set<UUID> withLetter = new HashSet<>();
        Map<UUID, Boolean> flagged = new HashMap<>();
        for (ReferralDocument.Summary document : ReferralDocument.summariesOf(ids)) {
            if (document.isLetter()) {
                withLetter.add(document.referralId());
            }
            if (document.transmuralFlagged() != null) {
                flagged.put(document.referralId(), document.transmuralFlagged()); // the latest questionnaire counts
            }
        }
        List<WorklistPage.Entry> entries = new ArrayList<>();
        for (IntakeCase c : cases) {
            audit.record(AccessKind.SEARCH, RESOURCE, c.referralId(), c.patientId(), c.referralId());
            entries.add(new WorklistPage.Entry(c, claimedBy.get(c.referralId()), withLetter.contains(c.referralId()),
                    flagged.getOrDefault(c.referralId(), false)));
        }
        return new WorklistPage(entries, page, size, total);
    }

    /** One case in full (without its dossier); an audited read. */
    @Transactional
    public CaseView read(UUID referralId) {
        IntakeCase intakeCase = find(referralId);
        audit.record(AccessKind.READ, RESOURCE, referralId, intakeCase.patientId(), referralId);
        return view(intakeCase);
    }

    /** Whether the case can be decided suitable now, and what is missing; an audited read. */
    @Transactional
    public DecisionReadiness readiness(UUID referralId) {
        IntakeCase intakeCase = find(referralId);
        audit.record(AccessKind.READ, RESOURCE, referralId, intakeCase.patientId(), referralId);
        List<String> missing = missing(intakeCase);
        return new DecisionReadiness(intakeCase.status(), intakeCase.isOpen() && missing.isEmpty(), missing);
    }

    private CaseView view(IntakeCase c) {
        UUID id = c.referralId();
        IntakeClaim claim = IntakeClaim.findById(id);
        return new CaseView(c, c.availability(), ClaimView.of(claim, config.claimStaleAfter(), clock.instant(),
                user.subject()), ClaimChange.ofCase(id), CallAttempt.ofCase(id), ObjectionChange.ofCase(id),
                ReferralDocument.ofCase(id), missing(c));
    }

    private static List<String> missing(IntakeCase c) {
        return c.isOpen() ? c.missingForSuitable(CallAttempt.reached(c.referralId())) : List.of();
    }

    // --- the claim ---------------------------------------------------------------------------------

    /**
     * The calling nurse claims the case. Claiming a case one holds already keeps it fresh. Another
     * nurse's claim is refused (409 {@code intake-claimed}) unless it is stale and the caller asks to
     * take it over ({@code takeOver}); the take-over is kept in the claim history. A cancelled case
     * cannot be claimed; a decided one can (its objection may still change).
     */
    @Transactional
    public ClaimView claim(UUID referralId, boolean takeOver) {
        IntakeCase intakeCase = lock(referralId);
        String me = user.subject();
        Instant now = clock.instant();
        try {
            intakeCase.requireNotCancelled();
        } catch (IllegalIntakeTransition e) {
            throw problem(e);
        }
        IntakeClaim claim = IntakeClaim.findById(referralId);
        if (claim == null) {
            claim = IntakeClaim.claim(referralId, me, now);
            claim.persist();
            ClaimChange.of(referralId, ClaimAction.CLAIMED, me, null, now).persist();
            audit.record(AccessKind.CREATE, CLAIM_RESOURCE, referralId, intakeCase.patientId(), referralId);
        } else if (claim.heldBy(me)) {
            claim.touch(now);
            audit.record(AccessKind.UPDATE, CLAIM_RESOURCE, referralId, intakeCase.patientId(), referralId);
        } else if (takeOver && claim.isStale(now, config.claimStaleAfter())) {
            String previous = claim.takeOver(me, now, config.claimStaleAfter());
            ClaimChange.of(referralId, ClaimAction.TAKEN_OVER, me, previous, now).persist();
            audit.record(AccessKind.UPDATE, CLAIM_RESOURCE, referralId, intakeCase.patientId(), referralId);
            LOG.infof("Intake case %s: a stale claim was taken over", referralId);
        } else {
            audit.recordRefused(AccessKind.UPDATE, CLAIM_RESOURCE, referralId, intakeCase.patientId(), referralId,
                    AuditOutcome.DENIED);
            throw IntakeProblem.claimedByAnother(referralId, claimView(claim, now));
        }
        return claimView(claim, now);
    }

    /**
     * The holder releases the claim. Releasing a case nobody holds changes nothing; another nurse's
     * claim cannot be released (409 {@code intake-claimed}).
     */
    @Transactional
    public void release(UUID referralId) {
        IntakeCase intakeCase = lock(referralId);
        IntakeClaim claim = IntakeClaim.findById(referralId);
        if (claim == null) {
            return;
        }
        Instant now = clock.instant();
        String me = user.subject();
        if (!claim.heldBy(me)) {
            audit.recordRefused(AccessKind.DELETE, CLAIM_RESOURCE, referralId, intakeCase.patientId(), referralId,
                    AuditOutcome.DENIED);
            throw IntakeProblem.claimedByAnother(referralId, claimView(claim, now));
        }
        claim.delete();
        ClaimChange.of(referralId, ClaimAction.RELEASED, me, null, now).persist();
        audit.record(AccessKind.DELETE, CLAIM_RESOURCE, referralId, intakeCase.patientId(), referralId);
    }

    /**
     * The case, locked for a change (its row, until the transaction ends), when the calling nurse holds
     * its claim and the referral is not cancelled; the claim's activity is refreshed. Every change of a
     * case and its dossier comes through here.
     *
     * @throws ProblemException 404 when there is no such case; 409 {@code intake-cancelled} when the
     *     referral was cancelled; 409 {@code intake-claim-required} (naming the holder, if any) when the
     *     caller does not hold the claim
     */
    @Transactional
    public IntakeCase requireClaimHolder(UUID referralId) {
        IntakeCase intakeCase = lock(referralId);
        try {
            intakeCase.requireNotCancelled();
        } catch (IllegalIntakeTransition e) {
            throw problem(e);
        }
        Instant now = clock.instant();
        IntakeClaim claim = IntakeClaim.findById(referralId);
        if (claim == null || !claim.heldBy(user.subject())) {
            audit.recordRefused(AccessKind.UPDATE, RESOURCE, referralId, intakeCase.patientId(), referralId,
                    AuditOutcome.DENIED);
            throw IntakeProblem.claimRequired(referralId, claimView(claim, now));
        }
        claim.touch(now);
        return intakeCase;
    }

    private ClaimView claimView(IntakeClaim claim, Instant now) {
        return ClaimView.of(claim, config.claimStaleAfter(), now, user.subject());
    }

    // --- the telephone intake ----------------------------------------------------------------------

    /** The claim holder records a call to the patient; only before the decision. */
    @Transactional
    public CallAttempt recordCall(UUID referralId, CallOutcome outcome, Instant callBackAt) {
        IntakeCase intakeCase = requireClaimHolder(referralId);
        try {
            intakeCase.requireUndecided();
        } catch (IllegalIntakeTransition e) {
            throw problem(e);
        }
        CallAttempt attempt;
        try {
            attempt = CallAttempt.record(referralId, user.subject(), clock.instant(), outcome, callBackAt);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("invalid-call-attempt", e.getMessage());
        }
        attempt.persist();
        audit.record(AccessKind.CREATE, CALL_RESOURCE, attempt.id(), intakeCase.patientId(), referralId);
        return attempt;
    }

    /**
     * The claim holder saves the intake record (partially: what is null stays) and, when given, the
     * patient's objection to the report going to the GP. Before the decision anything may change;
     * after it only the objection (the report has not gone out yet): every objection change is kept,
     * and a change of a suitable case is published as {@link PatientObjectionChanged}, since
     * {@link IntakeCompleted} carried the objection as it was at the decision.
     *
     * @param objects the objection; null leaves it as it is
     * @param expectedVersion the case version the client saw; null skips the check
     */
    @Transactional
    public CaseView saveIntake(UUID referralId, IntakeRecordUpdate update, Boolean objects, Long expectedVersion) {
        IntakeCase intakeCase = requireClaimHolder(referralId);
        requireVersion(intakeCase, expectedVersion);
        String me = user.subject();
        Instant now = clock.instant();
        try {
            if (!update.isEmpty()) {
                intakeCase.saveIntake(update, me, now);
            }
            if (objects != null && intakeCase.recordObjection(objects, me, now)) {
                ObjectionChange.of(intakeCase).persist();
                if (intakeCase.status() == IntakeStatus.SUITABLE) {
                    // IntakeCompleted carried the objection as it was; consult and reporting honour the latest
                    outbox.publish(new PatientObjectionChanged(referralId, intakeCase.patientId(), objects, now, me));
                }
            }
        } catch (IllegalIntakeTransition e) {
            throw problem(e);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("invalid-intake-record", e.getMessage());
        }
        Panache.getEntityManager().flush(); // a concurrent change fails here, as a 409
        audit.record(AccessKind.UPDATE, RESOURCE, referralId, intakeCase.patientId(), referralId);
        return view(intakeCase);
    }

    /**
     * The claim holder decides, once. Suitable needs the intake record's required fields and a call
     * that reached the patient (422 {@code intake-decision-incomplete} lists what is missing) and
     * publishes {@link IntakeCompleted}; not suitable needs a reason from the fixed list (and text for
     * {@code OTHER}) and publishes {@link IntakeRejected}; both in the same transaction.
     */
    @Transactional
    public CaseView decide(UUID referralId, DecisionCommand decision, Long expectedVersion) {
        IntakeCase intakeCase = requireClaimHolder(referralId);
        try {
            intakeCase.requireUndecided();
        } catch (IllegalIntakeTransition e) {
            throw problem(e);
        }
        requireVersion(intakeCase, expectedVersion);
        String me = user.subject();
        Instant now = clock.instant();
        if (decision.suitable()) {
            boolean reached = CallAttempt.reached(referralId);
            List<String> missing = intakeCase.missingForSuitable(reached);
            if (!missing.isEmpty()) {
                throw IntakeProblem.decisionIncomplete(missing);
            }
            intakeCase.markSuitable(me, now, reached);
            LocalDate consultDueOn = intakeCase.consultDueOn() != null ? intakeCase.consultDueOn()
                    : calendar.consultDueOn(intakeCase.receivedAt());
            outbox.publish(new IntakeCompleted(referralId, intakeCase.patientId(), now, me,
                    intakeCase.clarifiedQuestion(), intakeCase.reasons(), intakeCase.treatingSpecialty(),
                    intakeCase.treatingHospital(), intakeCase.preferredLanguage(), consultDueOn,
                    intakeCase.patientObjectsToGpReport(), intakeCase.referrerAgb(), intakeCase.patient(),
                    intakeCase.treatingSpecialist(), intakeCase.treatingSpecialistAgb(), intakeCase.focusArea(),
                    intakeCase.availability().stream().map(s -> new AvailabilityWindow(s.day(), s.from(), s.to()))
                            .toList(),
                    intakeCase.intakeDueAt(), intakeCase.firstSpecialistCopyConfirmed()));
        } else {
            List<String> missing = new ArrayList<>();
            if (decision.rejectionReason() == null) {
                missing.add(DecisionCommand.REJECTION_REASON);
            }
            if (decision.rejectionReason() == RejectionReason.OTHER
                    && (decision.explanation() == null || decision.explanation().isBlank())) {
                missing.add(DecisionCommand.EXPLANATION);
            }
            if (!missing.isEmpty()) {
                throw IntakeProblem.decisionIncomplete(missing);
            }
            intakeCase.markUnsuitable(me, now, decision.rejectionReason(), decision.explanation());
            outbox.publish(new IntakeRejected(referralId, intakeCase.patientId(), now, me, decision.rejectionReason(),
                    intakeCase.rejectionExplanation(), intakeCase.referrerAgb()));
        }
        Panache.getEntityManager().flush();
        audit.record(AccessKind.UPDATE, RESOURCE, referralId, intakeCase.patientId(), referralId);
        return view(intakeCase);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static void requireVersion(IntakeCase intakeCase, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != intakeCase.version()) {
            throw ProblemException.conflict("concurrent-modification", "The case was changed since you read it"
                    + " (version " + intakeCase.version() + ", you sent " + expectedVersion + "); read it again and retry");
        }
    }

    private static ProblemException problem(IllegalIntakeTransition e) {
        return ProblemException.conflict(switch (e.reason()) {
            case ALREADY_DECIDED -> "intake-already-decided";
            case CANCELLED -> "intake-cancelled";
        }, e.getMessage());
    }

    private static IntakeCase find(UUID referralId) {
        IntakeCase intakeCase = IntakeCase.findById(referralId);
        if (intakeCase == null) {
            throw ProblemException.notFound("Intake case " + referralId);
        }
        return intakeCase;
    }

    private static IntakeCase lock(UUID referralId) {
        IntakeCase intakeCase = IntakeCase.findById(referralId, LockModeType.PESSIMISTIC_WRITE);
        if (intakeCase == null) {
            throw ProblemException.notFound("Intake case " + referralId);
        }
        return intakeCase;
    }

    /** The statuses the worklist shows by default: neither decided nor cancelled. */
    public static Set<IntakeStatus> openStatuses() {
        return Set.of(IntakeStatus.OPEN);
    }
}
