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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import nl.consilium.consult.api.ConsultResponses.ConsultDetails;
import nl.consilium.consult.api.ConsultResponses.ConsultSummary;
import nl.consilium.consult.service.ConsultService;

/**
 * The specialist's consults: the list by day or week, one consult with its intake summary, dossier,
 * room and report, and the steps of the consult. The coordinator may read any consult.
 */
@Path("/api/consults")
@Produces(MediaType.APPLICATION_JSON)
public class ConsultResource {

    @Inject
    ConsultService consults;

    /** {@code ?day=2026-11-25}, {@code ?week=2026-W48} or {@code ?from=2026-11-23&to=2026-11-27} (Amsterdam dates). */
    @GET
    @RolesAllowed("specialist")
    public List<ConsultSummary> mine(@QueryParam("day") String day, @QueryParam("week") String week,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return consults.assignedToCaller(Periods.parse(day, week, from, to)).stream().map(ConsultSummary::of).toList();
    }

    @GET
    @Path("/{referralId}")
    @RolesAllowed({"specialist", "coordinator"})
    public ConsultDetails get(@PathParam("referralId") UUID referralId) {
        return ConsultDetails.of(consults.read(referralId));
    }

    @POST
    @Path("/{referralId}/dossier-read")
    @RolesAllowed("specialist")
    public ConsultDetails dossierRead(@PathParam("referralId") UUID referralId) {
        return ConsultDetails.of(consults.confirmDossierRead(referralId));
    }

    @POST
    @Path("/{referralId}/start")
    @RolesAllowed("specialist")
    public ConsultDetails start(@PathParam("referralId") UUID referralId) {
        return ConsultDetails.of(consults.start(referralId));
    }

    @POST
    @Path("/{referralId}/complete")
    @RolesAllowed("specialist")
    public ConsultDetails complete(@PathParam("referralId") UUID referralId) {
        return ConsultDetails.of(consults.complete(referralId));
    }

    @POST
    @Path("/{referralId}/no-show")
    @RolesAllowed("specialist")
    public ConsultDetails noShow(@PathParam("referralId") UUID referralId) {
        return ConsultDetails.of(consults.noShow(referralId));
    }

    @POST
    @Path("/{referralId}/room")
    @RolesAllowed("specialist")
    public ConsultDetails newRoom(@PathParam("referralId") UUID referralId) {
        return ConsultDetails.of(consults.reissueRoom(referralId));
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

    @POST
    @Path("/{referralId}/report/addenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("specialist")
    public ConsultDetails addendum(@PathParam("referralId") UUID referralId, @NotNull @Valid AddendumRequest request) {
        return ConsultDetails.of(consults.addAddendum(referralId, request.text()));
    }
}
