package nl.consilium.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.reporting.domain.PatientAccessRecord;
import nl.consilium.reporting.service.AccessLogService;

/**
 * The NEN 7513 overview a patient has a right to: who accessed their data, when, from where. Kept for
 * the clients of before; {@code GET /api/reporting/audit?patient=} ({@link AuditOverviewResource})
 * answers the same overview, with the same audit of its use.
 */
@Path("/api/patients/{patientId}/access-log")
@Produces(MediaType.APPLICATION_JSON)
public class PatientAccessLogResource {

    @Inject
    AccessLogService accessLog;

    @GET
    @RolesAllowed("coordinator")
    @Deprecated
    public AccessLogView get(@PathParam("patientId") UUID patientId) {
        return new AccessLogView(patientId, accessLog.accessLog(patientId).stream().map(AccessEntry::of).toList());
    }

    /** The overview, oldest access first. */
    public record AccessLogView(UUID patientId, List<AccessEntry> entries) {
    }

    /** One access: what happened, when, to what, by whom (on whose behalf), from where, with what outcome. */
    public record AccessEntry(UUID auditId, Instant occurredAt, String service, String action, String resource,
            UUID referralId, String userSubject, List<String> userRoles, String onBehalfOf, String clientAddress,
            AuditOutcome outcome) {
        static AccessEntry of(PatientAccessRecord r) {
            return new AccessEntry(r.auditId(), r.occurredAt(), r.service(), r.action(), r.resource(), r.referralId(),
                    r.userSubject(), r.userRoles(), r.onBehalfOf(), r.clientAddress(), r.outcome());
        }
    }
}
