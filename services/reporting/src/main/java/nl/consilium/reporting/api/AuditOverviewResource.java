package nl.consilium.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.reporting.api.PatientAccessLogResource.AccessEntry;
import nl.consilium.reporting.api.PatientAccessLogResource.AccessLogView;
import nl.consilium.reporting.service.AccessLogService;

/**
 * The NEN 7513 overview of one patient (coordinator): every access to the patient's data in every
 * service (who, with which roles, when, what, with what outcome, on whose behalf, from where), from
 * the {@code AuditRecorded} events the services publish, oldest first. Reading it is an access too
 * (audited {@code patient-access-log.read}); that record joins the overview once it came back from
 * Kafka, so a later call shows it.
 */
@Path("/api/reporting/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditOverviewResource {

    @Inject
    AccessLogService accessLog;

    @GET
    @RolesAllowed("coordinator")
    public AccessLogView overview(@QueryParam("patient") String patient) {
        UUID patientId = patientId(patient);
        return new AccessLogView(patientId, accessLog.accessLog(patientId).stream().map(AccessEntry::of).toList());
    }

    private static UUID patientId(String patient) {
        if (patient == null || patient.isBlank()) {
            throw new ProblemException("invalid-patient", "Bad request", 400, "Give the patient id: ?patient=<uuid>");
        }
        try {
            return UUID.fromString(patient.trim());
        } catch (IllegalArgumentException e) {
            throw new ProblemException("invalid-patient", "Bad request", 400, "'patient' is not a patient id (a UUID)");
        }
    }
}
