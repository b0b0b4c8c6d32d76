package nl.consilium.gateway.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import nl.consilium.gateway.api.ReferralResponses.ReferralDetails;
import nl.consilium.gateway.service.ReferralService;

/** Referrals as received, for the coordinator. */
@Path("/api/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    @Inject
    ReferralService referrals;

    @GET
    @Path("/{referralId}")
    @RolesAllowed("coordinator")
    public ReferralDetails get(@PathParam("referralId") UUID referralId) {
        return ReferralDetails.of(referrals.read(referralId));
    }
}
