package nl.consilium.gateway.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;
import nl.consilium.gateway.domain.document.DocumentFormat;
import nl.consilium.gateway.service.Receipt;
import nl.consilium.gateway.service.ReferralService;

/**
 * ZorgDomein's push endpoint {@code [base]/Bundle}: a FHIR STU3 document Bundle in (JSON or XML), 201
 * with the referral's {@code Location} out; other media types are 415. Errors are FHIR OperationOutcomes
 * (see {@link FhirExceptionMappers}).
 */
@Path("/fhir/Bundle")
public class FhirBundleResource {

    @Inject
    ReferralService referrals;

    /** FHIR JSON: the STU3 media type, its older spelling, and plain JSON. */
    static final String FHIR_JSON = OperationOutcome.MEDIA_TYPE;
    static final String FHIR_JSON_OLD = "application/json+fhir";
    /** FHIR XML: the STU3 media type and its older spelling. */
    static final String FHIR_XML = "application/fhir+xml";
    static final String FHIR_XML_OLD = "application/xml+fhir";

    /**
     * Takes a document. Whatever the {@code Accept} header says, the answer is
     * {@code application/fhir+json}, as ZorgDomein expects (no 406 that would leave a document undelivered).
     */
    @POST
    @Consumes({FHIR_JSON, FHIR_JSON_OLD, MediaType.APPLICATION_JSON, FHIR_XML, FHIR_XML_OLD})
    @RolesAllowed("referral-source")
    public Response receive(byte[] body, @HeaderParam("Prefer") String prefer,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        Receipt receipt = referrals.receive(body == null ? new byte[0] : body, formatOf(contentType));
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

    /** The FHIR format of one of the media types this resource consumes. */
    static DocumentFormat formatOf(MediaType type) {
        String subtype = type == null ? "" : type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.contains("xml") ? DocumentFormat.XML : DocumentFormat.JSON;
    }

    /** RFC 7240 {@code Prefer: return=minimal}, possibly among other preferences. */
    static boolean returnMinimal(String prefer) {
        return prefer != null && Arrays.stream(prefer.split("[,;]"))
                .map(p -> p.strip().replace(" ", "").replace("\"", ""))
                .anyMatch("return=minimal"::equalsIgnoreCase);
    }
}
