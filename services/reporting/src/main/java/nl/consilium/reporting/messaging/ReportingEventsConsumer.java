package nl.consilium.reporting.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.consilium.platform.inbox.IdempotentConsumer;
import nl.consilium.reporting.service.ReportingProjection;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads every Consilium topic into reporting's read model, each event once per channel; a record
 * that cannot be read goes to {@code consilium.dlq.reporting}.
 */
@ApplicationScoped
public class ReportingEventsConsumer {

    @Inject
    IdempotentConsumer inbox;

    @Inject
    ReportingProjection projection;

    /** ReferralReceived and ReferralCancelled (topic consilium.referral). */
    @Incoming("referral-events")
    @Blocking
    @Transactional
    public void onReferralEvent(String json) {
        inbox.receive("reporting.referral-events", json, projection::apply);
    }

    /** IntakeCompleted (topic consilium.intake). */
    @Incoming("intake-events")
    @Blocking
    @Transactional
    public void onIntakeEvent(String json) {
        inbox.receive("reporting.intake-events", json, projection::apply);
    }

    /** ConsultScheduled (topic consilium.scheduling). */
    @Incoming("scheduling-events")
    @Blocking
    @Transactional
    public void onSchedulingEvent(String json) {
        inbox.receive("reporting.scheduling-events", json, projection::apply);
    }

    /** ConsultCompleted (topic consilium.consult). */
    @Incoming("consult-events")
    @Blocking
    @Transactional
    public void onConsultEvent(String json) {
        inbox.receive("reporting.consult-events", json, projection::apply);
    }

    /** AuditRecorded of every service, this one's included (topic consilium.audit). */
    @Incoming("audit-events")
    @Blocking
    @Transactional
    public void onAuditEvent(String json) {
        inbox.receive("reporting.audit-events", json, projection::apply);
    }
}
