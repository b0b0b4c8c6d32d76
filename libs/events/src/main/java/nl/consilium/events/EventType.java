package nl.consilium.events;

import java.util.Arrays;
import java.util.Optional;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.consult.ConsultNoShow;
import nl.consilium.events.consult.ConsultReportAmended;
import nl.consilium.events.intake.DossierDocumentAdded;
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

/**
 * Every event type on the wire: its versioned name, its topic, the service that owns it, and the
 * record that carries its data. Changes to a record are additive (new optional fields); a change
 * that is not gets a new version here and both versions are published side by side for a while.
 */
public enum EventType {
    REFERRAL_RECEIVED("nl.consilium.referral.ReferralReceived", 1, Topics.REFERRAL, "referral-gateway",
            ReferralReceived.class),
    REFERRAL_LETTER_RECEIVED("nl.consilium.referral.ReferralLetterReceived", 1, Topics.REFERRAL, "referral-gateway",
            ReferralLetterReceived.class),
    REFERRAL_SUPPLEMENTED("nl.consilium.referral.ReferralSupplemented", 1, Topics.REFERRAL, "referral-gateway",
            ReferralSupplemented.class),
    REFERRAL_CANCELLED("nl.consilium.referral.ReferralCancelled", 1, Topics.REFERRAL, "referral-gateway",
            ReferralCancelled.class),
    INTAKE_COMPLETED("nl.consilium.intake.IntakeCompleted", 1, Topics.INTAKE, "intake", IntakeCompleted.class),
    INTAKE_REJECTED("nl.consilium.intake.IntakeRejected", 1, Topics.INTAKE, "intake", IntakeRejected.class),
    INTAKE_OVERDUE("nl.consilium.intake.IntakeOverdue", 1, Topics.INTAKE, "intake", IntakeOverdue.class),
    DOSSIER_DOCUMENT_ADDED("nl.consilium.intake.DossierDocumentAdded", 1, Topics.INTAKE, "intake",
            DossierDocumentAdded.class),
    PATIENT_OBJECTION_CHANGED("nl.consilium.intake.PatientObjectionChanged", 1, Topics.INTAKE, "intake",
            PatientObjectionChanged.class),
    CONSULT_SCHEDULED("nl.consilium.scheduling.ConsultScheduled", 1, Topics.SCHEDULING, "scheduling",
            ConsultScheduled.class),
    CONSULT_RESCHEDULED("nl.consilium.scheduling.ConsultRescheduled", 1, Topics.SCHEDULING, "scheduling",
            ConsultRescheduled.class),
    CONSULT_CANCELLED("nl.consilium.scheduling.ConsultCancelled", 1, Topics.SCHEDULING, "scheduling",
            ConsultCancelled.class),
    MATCHING_FAILED("nl.consilium.scheduling.MatchingFailed", 1, Topics.SCHEDULING, "scheduling",
            MatchingFailed.class),
    CONSULT_COMPLETED("nl.consilium.consult.ConsultCompleted", 1, Topics.CONSULT, "consult",
            ConsultCompleted.class),
    CONSULT_REPORT_AMENDED("nl.consilium.consult.ConsultReportAmended", 1, Topics.CONSULT, "consult",
            ConsultReportAmended.class),
    CONSULT_NO_SHOW("nl.consilium.consult.ConsultNoShow", 1, Topics.CONSULT, "consult", ConsultNoShow.class),
    /** Produced by every service that touches patient data. */
    AUDIT_RECORDED("nl.consilium.audit.AuditRecorded", 1, Topics.AUDIT, "*", AuditRecorded.class);

    private final String name;
    private final int version;
    private final String topic;
    private final String owner;
    private final Class<? extends ConsiliumEvent> dataType;

    EventType(String name, int version, String topic, String owner, Class<? extends ConsiliumEvent> dataType) {
        this.name = name;
        this.version = version;
        this.topic = topic;
        this.owner = owner;
        this.dataType = dataType;
    }

    /** The CloudEvents {@code type} attribute: name plus version suffix. */
    public String wireName() {
        return name + ".v" + version;
    }

    public int version() {
        return version;
    }

    public String topic() {
        return topic;
    }

    /** The service that produces this event ("*" for all). */
    public String owner() {
        return owner;
    }

    public Class<? extends ConsiliumEvent> dataType() {
        return dataType;
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(wireName)).findFirst();
    }

    public static EventType of(ConsiliumEvent data) {
        return Arrays.stream(values()).filter(t -> t.dataType == data.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a registered event: " + data.getClass()));
    }
}
