package nl.consilium.scheduling.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import nl.consilium.scheduling.api.SchedulingResponses.AppointmentView;
import nl.consilium.scheduling.service.SchedulingService;

/** The consult of a referral: the booked one, else the last one (cancelled). */
@Path("/api/appointments")
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    @Inject
    SchedulingService scheduling;

    /** For the coordinator, and for the specialist it is booked with (anyone else: 404). */
    @GET
    @Path("/{referralId}")
    @RolesAllowed({"coordinator", "specialist"})
    public AppointmentView get(@PathParam("referralId") UUID referralId) {
        return AppointmentView.of(scheduling.appointment(referralId));
    }
}
