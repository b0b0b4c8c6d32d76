package nl.consilium.gateway.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import nl.consilium.gateway.service.Receipt;
import nl.consilium.gateway.service.ReferralService;

/**
 * ZorgDomein's push endpoint {@code [base]/Bundle}: a FHIR STU3 document Bundle in, 201 with the
 * referral's {@code Location} out. Errors are FHIR OperationOutcomes (see {@link FhirExceptionMappers}).
 */
@Path("/fhir/Bundle")
public class FhirBundleResource {

    @Inject
    ReferralService referrals;

    @POST
    @Consumes({OperationOutcome.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces({OperationOutcome.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed("referral-source")
    public Response receive(byte[] body, @HeaderParam("Prefer") String prefer) {
        Receipt receipt = referrals.receive(body == null ? new byte[0] : body);
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/referrals/" + receipt.referralId())
                .type(OperationOutcome.MEDIA_TYPE);
        if (!returnMinimal(prefer)) {
            response.entity(OperationOutcome.information(receipt.created()
                    ? "The referral was accepted"
                    : "This document was received before; nothing changed"));
        }
        return response.build();
    }

    /** RFC 7240 {@code Prefer: return=minimal}, possibly among other preferences. */
    static boolean returnMinimal(String prefer) {
        return prefer != null && Arrays.stream(prefer.split("[,;]"))
                .map(p -> p.strip().replace(" ", "").replace("\"", ""))
                .anyMatch("return=minimal"::equalsIgnoreCase);
    }
}
