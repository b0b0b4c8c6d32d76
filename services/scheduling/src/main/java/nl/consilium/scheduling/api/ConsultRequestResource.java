package nl.consilium.scheduling.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.consilium.scheduling.api.SchedulingResponses.ConsultRequestView;
import nl.consilium.scheduling.domain.ConsultRequestStatus;
import nl.consilium.scheduling.service.SchedulingService;

/**
 * Referrals that could not be booked automatically, for the coordinator: the open ones
 * ({@code UNASSIGNED}, the default) or those closed because the referral was cancelled.
 */
@Path("/api/consult-requests")
@Produces(MediaType.APPLICATION_JSON)
public class ConsultRequestResource {

    @Inject
    SchedulingService scheduling;

    @GET
    @RolesAllowed("coordinator")
    public List<ConsultRequestView> list(@QueryParam("status") @DefaultValue("UNASSIGNED")
            @Pattern(regexp = "UNASSIGNED|CANCELLED", message = "must be UNASSIGNED or CANCELLED") String status) {
        return scheduling.consultRequests(ConsultRequestStatus.valueOf(status)).stream()
                .map(ConsultRequestView::of).toList();
    }
}
