package nl.consilium.scheduling.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.consilium.scheduling.api.SchedulingResponses.AppointmentView;
import nl.consilium.scheduling.api.SchedulingResponses.SpecialistView;
import nl.consilium.scheduling.service.SchedulingService;

/** The specialist registry and a specialist's own schedule. */
@Path("/api/specialists")
@Produces(MediaType.APPLICATION_JSON)
public class SpecialistResource {

    @Inject
    SchedulingService scheduling;

    @GET
    @RolesAllowed("coordinator")
    public List<SpecialistView> registry() {
        return scheduling.registry().stream().map(SpecialistView::of).toList();
    }

    /** The caller's own appointments (by the {@code agb} claim): upcoming first, soonest first. */
    @GET
    @Path("/me/appointments")
    @RolesAllowed("specialist")
    public List<AppointmentView> mySchedule() {
        return scheduling.callersSchedule().stream().map(AppointmentView::of).toList();
    }
}
