package nl.consilium.consult.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import nl.consilium.consult.api.ConsultResponses.ConsultDetails;
import nl.consilium.consult.api.ConsultResponses.ConsultSummary;
import nl.consilium.consult.service.ConsultService;

/** The specialist's consults and reports; the coordinator may look at any consult. */
@Path("/api/consults")
@Produces(MediaType.APPLICATION_JSON)
public class ConsultResource {

    @Inject
    ConsultService consults;

    @GET
    @RolesAllowed("specialist")
    public List<ConsultSummary> mine() {
        return consults.assignedToCaller().stream().map(ConsultSummary::of).toList();
    }

    @GET
    @Path("/{referralId}")
    @RolesAllowed({"specialist", "coordinator"})
    public ConsultDetails get(@PathParam("referralId") UUID referralId) {
        return ConsultDetails.of(consults.read(referralId));
    }

    @PUT
    @Path("/{referralId}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("specialist")
    public ConsultDetails saveReport(@PathParam("referralId") UUID referralId, @NotNull @Valid ReportRequest request) {
        return ConsultDetails.of(consults.saveDraft(referralId, request.toDraft()));
    }

    @POST
    @Path("/{referralId}/report/finalise")
    @RolesAllowed("specialist")
    public ConsultDetails finalise(@PathParam("referralId") UUID referralId) {
        return ConsultDetails.of(consults.finalise(referralId));
    }
}
