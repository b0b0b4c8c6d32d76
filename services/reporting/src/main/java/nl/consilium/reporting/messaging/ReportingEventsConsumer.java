package nl.consilium.reporting.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.consilium.reporting.service.ReportingProjection;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads every Consilium topic into reporting's read model, each event once per channel (and after
 * any rebuild in progress); a record that cannot be read goes to {@code consilium.dlq.reporting}.
 */
@ApplicationScoped
public class ReportingEventsConsumer {

    @Inject
    ReportingProjection projection;

    /** ReferralReceived, ReferralLetterReceived, ReferralSupplemented, ReferralCancelled (topic consilium.referral). */
    @Incoming("referral-events")
    @Blocking
    @Transactional
    public void onReferralEvent(String json) {
        projection.consume(ReportingProjection.REFERRAL_CONSUMER, json);
    }

    /** IntakeCompleted, IntakeRejected, IntakeOverdue, PatientObjectionChanged (topic consilium.intake). */
    @Incoming("intake-events")
    @Blocking
    @Transactional
    public void onIntakeEvent(String json) {
        projection.consume(ReportingProjection.INTAKE_CONSUMER, json);
    }

    /** ConsultScheduled, ConsultRescheduled, ConsultCancelled, MatchingFailed (topic consilium.scheduling). */
    @Incoming("scheduling-events")
    @Blocking
    @Transactional
    public void onSchedulingEvent(String json) {
        projection.consume(ReportingProjection.SCHEDULING_CONSUMER, json);
    }

    /** ConsultCompleted, ConsultReportAmended, ConsultNoShow (topic consilium.consult). */
    @Incoming("consult-events")
    @Blocking
    @Transactional
    public void onConsultEvent(String json) {
        projection.consume(ReportingProjection.CONSULT_CONSUMER, json);
    }

    /** AuditRecorded of every service, this one's included (topic consilium.audit). */
    @Incoming("audit-events")
    @Blocking
    @Transactional
    public void onAuditEvent(String json) {
        projection.consume(ReportingProjection.AUDIT_CONSUMER, json);
    }
}
