package nl.consilium.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.Topics;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.consult.ConsultNoShow;
import nl.consilium.events.consult.ConsultReportAmended;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeOverdue;
import nl.consilium.events.intake.IntakeRejected;
import nl.consilium.events.intake.PatientObjectionChanged;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralLetterReceived;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.referral.ReferralSupplemented;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.events.scheduling.MatchingFailed;
import nl.consilium.platform.inbox.IdempotentConsumer;
import nl.consilium.reporting.domain.PatientAccessRecord;
import nl.consilium.reporting.domain.ReferralOverview;
import org.jboss.logging.Logger;

/**
 * Builds reporting's read model from the events of every service: one {@link ReferralOverview} per
 * referral and one {@link PatientAccessRecord} per audit record. Nothing here is audited: these are
 * not accesses by a user, and auditing the storing of an {@link AuditRecorded} would publish another
 * one, which this service would read again, without end.
 *
 * <p>Live consumption goes through {@link #consume}, which first waits while a rebuild
 * ({@link ProjectionRebuilds}) replays the topics, so that a referral's events are never applied in
 * another order than their topic's.
 */
@ApplicationScoped
public class ReportingProjection {

    /** The consumer names in {@code processed_event}, one per channel and so per topic. */
    public static final String REFERRAL_CONSUMER = "reporting.referral-events";
    public static final String INTAKE_CONSUMER = "reporting.intake-events";
    public static final String SCHEDULING_CONSUMER = "reporting.scheduling-events";
    public static final String CONSULT_CONSUMER = "reporting.consult-events";
    public static final String AUDIT_CONSUMER = "reporting.audit-events";

    /** Every topic reporting reads, with the consumer name its events are recorded under. */
    static final Map<String, String> CONSUMER_BY_TOPIC = Map.of(
            Topics.REFERRAL, REFERRAL_CONSUMER,
            Topics.INTAKE, INTAKE_CONSUMER,
            Topics.SCHEDULING, SCHEDULING_CONSUMER,
            Topics.CONSULT, CONSULT_CONSUMER,
            Topics.AUDIT, AUDIT_CONSUMER);

    /** First key of the advisory locks that serialise the events of one referral ("RPRT"). */
    private static final int REFERRAL_LOCK_SPACE = 0x52505254;
    /** First key of the rebuild's locks ("RBLD"); the second key says which. */
    static final int REBUILD_LOCK_SPACE = 0x52424c44;
    /** Held shared by every live event, exclusively by a rebuild for its whole run. */
    static final int REBUILD_GATE = 1;
    /** Held by the one rebuild that runs. */
    static final int REBUILD_JOB = 2;

    private static final Logger LOG = Logger.getLogger(ReportingProjection.class);

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotentConsumer inbox;

    /**
     * Applies a record of a live channel once per {@code consumer} (see {@link IdempotentConsumer}),
     * after any rebuild in progress: the rebuild holds the gate exclusively, so the record waits
     * until the replay is done and then finds out whether the replay applied it already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consume(String consumer, String json) {
        entityManager.createNativeQuery("select 1 from (select pg_advisory_xact_lock_shared(?1, ?2)) gate")
                .setParameter(1, REBUILD_LOCK_SPACE)
                .setParameter(2, REBUILD_GATE)
                .getSingleResult();
        inbox.receive(consumer, json, this::apply);
    }

    /** Applies one event; types reporting does not use are ignored. */
    @Transactional
    public void apply(EventEnvelope<ConsiliumEvent> event) {
        switch (event.data()) {
            case ReferralReceived referral -> update(referral.referralId(), referral.patientId(),
                    overview -> overview.recordReceived(referral));
            case ReferralLetterReceived letter -> updateKnown(letter.referralId(), "letter",
                    overview -> overview.recordLetterReceived(letter));
            case ReferralSupplemented supplement -> updateKnown(supplement.referralId(), "supplement",
                    overview -> overview.recordSupplemented(supplement));
            case ReferralCancelled cancellation -> updateKnown(cancellation.referralId(), "cancellation",
                    overview -> overview.recordCancelled(cancellation));
            case IntakeCompleted intake -> update(intake.referralId(), intake.patientId(),
                    overview -> overview.recordIntakeCompleted(intake));
            case IntakeRejected rejection -> update(rejection.referralId(), rejection.patientId(),
                    overview -> overview.recordIntakeRejected(rejection));
            case IntakeOverdue overdue -> update(overdue.referralId(), overdue.patientId(),
                    overview -> overview.recordIntakeOverdue(overdue));
            case PatientObjectionChanged change -> update(change.referralId(), change.patientId(),
                    overview -> overview.recordObjectionChanged(change));
            case ConsultScheduled booking -> update(booking.referralId(), booking.patientId(),
                    overview -> overview.recordScheduled(booking, event.time()));
            case ConsultRescheduled move -> update(move.referralId(), move.patientId(),
                    overview -> overview.recordRescheduled(move, event.time()));
            case ConsultCancelled cancellation -> update(cancellation.referralId(), cancellation.patientId(),
                    overview -> overview.recordConsultCancelled(cancellation, event.time()));
            case MatchingFailed failure -> update(failure.referralId(), failure.patientId(),
                    overview -> overview.recordMatchingFailed(failure, event.time()));
            case ConsultCompleted consult -> update(consult.referralId(), consult.patientId(),
                    overview -> overview.recordCompleted(consult));
            case ConsultReportAmended addendum -> update(addendum.referralId(), addendum.patientId(),
                    overview -> overview.recordAmended(addendum));
            case ConsultNoShow noShow -> update(noShow.referralId(), noShow.patientId(),
                    overview -> overview.recordNoShow(noShow, event.time()));
            case AuditRecorded audit -> recordAccess(audit);
            default -> {
                // another type on a topic reporting reads: not part of its views
            }
        }
    }

    /**
     * Changes the referral's overview, created if this is the first event about it. The events of one
     * referral arrive on several topics, so several consumer threads may hold one at the same time:
     * a transaction-scoped advisory lock per referral makes them take turns, so that neither two
     * first events both insert nor two updates collide on the version.
     */
    private void update(UUID referralId, UUID patientId, Consumer<ReferralOverview> change) {
        if (referralId == null || patientId == null) {
            throw new IllegalArgumentException("An event without referral or patient id");
        }
        lock(referralId);
        ReferralOverview overview = ReferralOverview.findById(referralId);
        if (overview == null) {
            overview = ReferralOverview.start(referralId, patientId);
            change.accept(overview);
            overview.persist();
        } else {
            change.accept(overview);
        }
    }

    /**
     * Changes the overview of a referral reporting knows. The gateway's later documents (letter,
     * supplement, cancellation) do not name the patient, so they cannot start an overview; they never
     * have to: the gateway publishes them after the referral's {@code ReferralReceived}, on the same
     * topic and partition, which this service's {@code referral-events} channel (and a rebuild) has
     * read and applied before. Without an overview that event went to the dead-letter topic; the
     * document is then ignored (logged with the referral id only), as failing would only dead-letter it too.
     */
    private void updateKnown(UUID referralId, String what, Consumer<ReferralOverview> change) {
        if (referralId == null) {
            throw new IllegalArgumentException("An event without referral id");
        }
        lock(referralId);
        ReferralOverview overview = ReferralOverview.findById(referralId);
        if (overview == null) {
            LOG.warnf("Ignored the %s of referral %s: reporting has no overview of it", what, referralId);
            return;
        }
        change.accept(overview);
    }

    private void lock(UUID referralId) {
        entityManager.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, ?2)) locked")
                .setParameter(1, REFERRAL_LOCK_SPACE)
                .setParameter(2, referralId.hashCode())
                .getSingleResult();
    }

    private void recordAccess(AuditRecorded audit) {
        if (audit.auditId() == null) {
            throw new IllegalArgumentException("An audit record without id");
        }
        if (PatientAccessRecord.findById(audit.auditId()) == null) {
            PatientAccessRecord.of(audit).persist();
        }
    }
}
