package nl.consilium.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Consumer;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeOverdue;
import nl.consilium.events.intake.IntakeRejected;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.reporting.domain.PatientAccessRecord;
import nl.consilium.reporting.domain.ReferralOverview;
import org.jboss.logging.Logger;

/**
 * Builds reporting's read model from the events of every service: one {@link ReferralOverview} per
 * referral and one {@link PatientAccessRecord} per audit record. Nothing here is audited: these are
 * not accesses by a user, and auditing the storing of an {@link AuditRecorded} would publish another
 * one, which this service would read again, without end.
 */
@ApplicationScoped
public class ReportingProjection {

    /** First key of the advisory locks that serialise the events of one referral ("RPRT"). */
    private static final int REFERRAL_LOCK_SPACE = 0x52505254;
    private static final Logger LOG = Logger.getLogger(ReportingProjection.class);

    @Inject
    EntityManager entityManager;

    /** Applies one event; types reporting does not use are ignored. */
    @Transactional
    public void apply(EventEnvelope<ConsiliumEvent> event) {
        switch (event.data()) {
            case ReferralReceived referral -> update(referral.referralId(), referral.patientId(),
                    overview -> overview.recordReceived(referral));
            case ReferralCancelled cancellation -> cancel(cancellation);
            case IntakeCompleted intake -> update(intake.referralId(), intake.patientId(),
                    overview -> overview.recordIntakeCompleted(intake));
            case IntakeRejected rejection -> update(rejection.referralId(), rejection.patientId(),
                    overview -> overview.recordIntakeRejected(rejection));
            case IntakeOverdue overdue -> update(overdue.referralId(), overdue.patientId(),
                    overview -> overview.recordIntakeOverdue(overdue));
            case ConsultScheduled booking -> update(booking.referralId(), booking.patientId(),
                    overview -> overview.recordScheduled(booking, event.time()));
            case ConsultCompleted consult -> update(consult.referralId(), consult.patientId(),
                    overview -> overview.recordCompleted(consult));
            case AuditRecorded audit -> recordAccess(audit);
            default -> {
                // another type on a topic reporting reads: not part of the GP's view
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
     * Marks the referral's overview cancelled. The cancellation does not name the patient, so it
     * cannot start an overview; it never has to: the gateway publishes it after the referral's
     * {@code ReferralReceived}, on the same topic and partition, which this service's
     * {@code referral-events} channel has read (and applied) before. Without an overview that event
     * went to the dead-letter topic; the cancellation is then ignored (logged with the referral id
     * only), as failing would only dead-letter it too.
     */
    private void cancel(ReferralCancelled cancellation) {
        UUID referralId = cancellation.referralId();
        if (referralId == null) {
            throw new IllegalArgumentException("An event without referral id");
        }
        lock(referralId);
        ReferralOverview overview = ReferralOverview.findById(referralId);
        if (overview == null) {
            LOG.warnf("Ignored the cancellation of referral %s: reporting has no overview of it", referralId);
            return;
        }
        overview.recordCancelled(cancellation);
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
