package nl.consilium.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.events.audit.AuditRecorded;
import org.hibernate.annotations.Immutable;

/**
 * One line of a patient's NEN 7513 overview: an {@link AuditRecorded} of any service. Append-only
 * (the table refuses updates and deletes), so it has no version; its id is the audit record's id,
 * which makes a second delivery of the same record harmless.
 */
@Entity
@Immutable
@Table(name = "patient_access_log")
public class PatientAccessRecord extends PanacheEntityBase {

    @Id
    @Column(name = "audit_id")
    private UUID auditId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String service;

    @Column(nullable = false)
    private String action;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "referral_id")
    private UUID referralId;

    @Column(nullable = false)
    private String resource;

    @Column(name = "user_subject", nullable = false)
    private String userSubject;

    @Column(name = "user_roles", nullable = false)
    private String userRoles;

    @Column(name = "on_behalf_of")
    private String onBehalfOf;

    @Column(name = "client_address")
    private String clientAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditOutcome outcome;

    protected PatientAccessRecord() {
    }

    /** The line for an audit record; the record must name the patient, the user and the action. */
    public static PatientAccessRecord of(AuditRecorded audit) {
        PatientAccessRecord line = new PatientAccessRecord();
        line.auditId = required(audit.auditId(), "auditId");
        line.occurredAt = required(audit.occurredAt(), "occurredAt");
        line.service = required(audit.service(), "service");
        line.action = required(audit.action(), "action");
        line.patientId = required(audit.patientId(), "patientId");
        line.referralId = audit.referralId();
        line.resource = required(audit.resource(), "resource");
        line.userSubject = required(audit.userSubject(), "userSubject");
        line.userRoles = audit.userRoles() == null ? "" : String.join(",", audit.userRoles());
        line.onBehalfOf = audit.onBehalfOf();
        line.clientAddress = audit.clientAddress();
        line.outcome = required(audit.outcome(), "outcome");
        return line;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("An audit record without " + field);
        }
        return value;
    }

    public UUID auditId() { return auditId; }
    public Instant occurredAt() { return occurredAt; }
    public String service() { return service; }
    public String action() { return action; }
    public UUID patientId() { return patientId; }
    public UUID referralId() { return referralId; }
    public String resource() { return resource; }
    public String userSubject() { return userSubject; }
    public List<String> userRoles() {
        return userRoles.isEmpty() ? List.of() : List.of(userRoles.split(","));
    }
    public String onBehalfOf() { return onBehalfOf; }
    public String clientAddress() { return clientAddress; }
    public AuditOutcome outcome() { return outcome; }
}
