package nl.consilium.scheduling.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import nl.consilium.scheduling.api.SchedulingResponses.SpecialtyView;
import nl.consilium.scheduling.domain.Specialty;

/** The specialty code list of the registry (Vektis COD016-VEKT, medisch specialisten). */
@Path("/api/scheduling/specialties")
@Produces(MediaType.APPLICATION_JSON)
public class SpecialtyResource {

    @GET
    @RolesAllowed({"coordinator", "specialist", "nurse"})
    public List<SpecialtyView> list() {
        return SchedulingResponses.specialties(Arrays.asList(Specialty.values()));
    }
}
