package nl.consilium.scheduling.api;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import nl.consilium.scheduling.api.SchedulingRequests.NewOrganisationRequest;
import nl.consilium.scheduling.api.SchedulingRequests.OrganisationUpdateRequest;
import nl.consilium.scheduling.api.SchedulingResponses.OrganisationView;
import nl.consilium.scheduling.service.RegistryService;

/** The hospitals and groups of the registry (coordinator); names and aliases are matched against the treating hospital. */
@Path("/api/scheduling/organisations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("coordinator")
public class OrganisationResource {

    @Inject
    RegistryService registry;

    @GET
    public List<OrganisationView> list() {
        return registry.organisations().stream().map(OrganisationView::of).toList();
    }

    @GET
    @Path("/{id}")
    public OrganisationView get(@PathParam("id") String id) {
        return OrganisationView.of(registry.organisation(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull @Valid NewOrganisationRequest request) {
        OrganisationView created = OrganisationView.of(registry.registerOrganisation(request.id(), request.name(),
                request.kind(), request.aliases() == null ? List.of() : request.aliases()));
        return Response.created(URI.create("/api/scheduling/organisations/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrganisationView change(@PathParam("id") String id, @NotNull @Valid OrganisationUpdateRequest request) {
        return OrganisationView.of(registry.changeOrganisation(id, request.version(), request.name(), request.kind(),
                request.aliases() == null ? List.of() : request.aliases()));
    }
}
