package nl.consilium.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import nl.consilium.intake.api.IntakeCaseResponses.IntakeCaseDetails;
import nl.consilium.intake.api.IntakeCaseResponses.WorklistEntry;
import nl.consilium.intake.domain.IntakeStatus;
import nl.consilium.intake.service.IntakeService;

/** The nurse's intake worklist and decisions. */
@Path("/api/intake-cases")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeCaseResource {

    @Inject
    IntakeService intake;

    @GET
    @RolesAllowed({"nurse", "coordinator"})
    public List<WorklistEntry> worklist(@QueryParam("status") @DefaultValue("OPEN") IntakeStatus status) {
        return intake.worklist(status).stream().map(WorklistEntry::of).toList();
    }

    @GET
    @Path("/{referralId}")
    @RolesAllowed({"nurse", "coordinator"})
    public IntakeCaseDetails get(@PathParam("referralId") UUID referralId) {
        return IntakeCaseDetails.of(intake.read(referralId));
    }

    @POST
    @Path("/{referralId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("nurse")
    public IntakeCaseDetails decide(@PathParam("referralId") UUID referralId, @NotNull @Valid DecisionRequest request) {
        return IntakeCaseDetails.of(intake.decide(referralId, request.toDecision()));
    }
}
