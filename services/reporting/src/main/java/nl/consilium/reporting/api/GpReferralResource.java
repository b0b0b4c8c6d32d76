package nl.consilium.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import nl.consilium.reporting.api.GpReferralResponses.ConsultReportView;
import nl.consilium.reporting.api.GpReferralResponses.ReferralStatusView;
import nl.consilium.reporting.api.GpReferralResponses.ReferralSummary;
import nl.consilium.reporting.service.GpReferralService;

/** The referring GP follows own referrals and reads the reports (by the token's {@code agb} claim). */
@Path("/api/gp/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class GpReferralResource {

    @Inject
    GpReferralService referrals;

    @GET
    @RolesAllowed("gp")
    public List<ReferralSummary> list() {
        return referrals.ownReferrals().stream().map(ReferralSummary::of).toList();
    }

    @GET
    @Path("/{referralId}")
    @RolesAllowed("gp")
    public ReferralStatusView get(@PathParam("referralId") UUID referralId) {
        return ReferralStatusView.of(referrals.ownReferral(referralId));
    }

    @GET
    @Path("/{referralId}/report")
    @RolesAllowed("gp")
    public ConsultReportView report(@PathParam("referralId") UUID referralId) {
        return ConsultReportView.of(referrals.ownReport(referralId));
    }
}
