package nl.consilium.gateway.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import nl.consilium.gateway.api.ReferralResponses.ReferralDetails;
import nl.consilium.gateway.domain.ReceivedAttachment;
import nl.consilium.gateway.service.ReferralService;

/** Referrals as received, with their documents and attachments, for coordinators and intake nurses. */
@Path("/api/referrals")
public class ReferralResource {

    @Inject
    ReferralService referrals;

    @GET
    @Path("/{referralId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"coordinator", "nurse"})
    public ReferralDetails get(@PathParam("referralId") UUID referralId) {
        return ReferralDetails.of(referrals.read(referralId));
    }

    /**
     * An attachment's bytes as received, in their declared content type, with the SHA-256 as a strong
     * ETag ({@code Digest}-like) so the reader can verify what arrived.
     */
    @GET
    @Path("/{referralId}/attachments/{attachmentId}")
    @RolesAllowed({"coordinator", "nurse"})
    public Response attachment(@PathParam("referralId") UUID referralId, @PathParam("attachmentId") UUID attachmentId) {
        ReceivedAttachment attachment = referrals.attachment(referralId, attachmentId);
        return Response.ok(attachment.data(), attachment.contentType())
                .header(HttpHeaders.ETAG, "\"" + attachment.sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder()
                        .encodeToString(java.util.HexFormat.of().parseHex(attachment.sha256())) + ":")
                .header("Content-Disposition", "attachment; filename=\"" + attachment.id() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
