package nl.consilium.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.reporting.domain.PatientAccessRecord;

/** The NEN 7513 overview of who accessed a patient's data, from the audit records of every service. */
@ApplicationScoped
public class AccessLogService {

    static final String RESOURCE = "patient-access-log";

    @Inject
    AuditLog audit;

    /**
     * Every access to the patient's data, oldest first. Reading it is itself an access (audited)
     * when there is something to see; that record shows up here once it has come back from Kafka.
     */
    @Transactional
    public List<PatientAccessRecord> accessLog(UUID patientId) {
        List<PatientAccessRecord> records = PatientAccessRecord.list("patientId = ?1 order by occurredAt, auditId",
                patientId);
        if (!records.isEmpty()) {
            audit.record(AccessKind.READ, RESOURCE, patientId, patientId, null);
        }
        return records;
    }
}
