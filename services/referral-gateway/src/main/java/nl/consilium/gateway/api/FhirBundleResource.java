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

    @Inject
    DocumentSizeLimit sizeLimit;

    /** FHIR JSON: the STU3 media type, its older spelling, and plain JSON. */
    static final String FHIR_JSON = OperationOutcome.MEDIA_TYPE;
    static final String FHIR_JSON_OLD = "application/json+fhir";
    /** FHIR XML: the STU3 media type and its older spelling. */
    static final String FHIR_XML = "application/fhir+xml";
    static final String FHIR_XML_OLD = "application/xml+fhir";

    /**
     * Takes a document. The answer is {@code application/fhir+json} (an OperationOutcome) whatever the
     * {@code Accept} header says, as ZorgDomein expects (no 406 that would leave a document undelivered);
     * {@code Prefer: return=representation} answers the stored Bundle as received, in its own format;
     * {@code return=minimal} an empty body. Over {@code max-document-size}: 413, nothing stored.
     */
    @POST
    @Consumes({FHIR_JSON, FHIR_JSON_OLD, MediaType.APPLICATION_JSON, FHIR_XML, FHIR_XML_OLD})
    @RolesAllowed("referral-source")
    public Response receive(byte[] body, @HeaderParam("Prefer") String prefer,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        if (sizeLimit.tooLarge(body)) { // a chunked body: the Content-Length check could not see it coming
            return Response.status(413).type(OperationOutcome.MEDIA_TYPE).entity(sizeLimit.tooLargeOutcome()).build();
        }
        byte[] document = body == null ? new byte[0] : body;
        DocumentFormat format = formatOf(contentType);
        Receipt receipt = referrals.receive(document, format);
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/referrals/" + receipt.referralId());
        switch (returnPreference(prefer)) {
            case MINIMAL -> response.type(OperationOutcome.MEDIA_TYPE);
            // The stored document is these very bytes (a re-delivery is accepted only with the same SHA-256).
            case REPRESENTATION -> response.type(mediaTypeOf(format)).entity(document);
            case OPERATION_OUTCOME -> response.type(OperationOutcome.MEDIA_TYPE)
                    .entity(OperationOutcome.information(receipt.created()
                            ? "The " + receipt.documentType().code() + " document was accepted"
                            : "This document was received before; nothing changed"));
        }
        return response.build();
    }

    /** RFC 7240 / FHIR {@code Prefer: return=...}. */
    enum ReturnPreference {
        MINIMAL, REPRESENTATION, OPERATION_OUTCOME
    }

    /** The {@code return} preference, possibly among others; {@code OperationOutcome} when absent or unknown. */
    static ReturnPreference returnPreference(String prefer) {
        if (prefer == null) {
            return ReturnPreference.OPERATION_OUTCOME;
        }
        for (String preference : prefer.split("[,;]")) {
            String p = preference.strip().replace(" ", "").replace("\"", "").toLowerCase(Locale.ROOT);
            switch (p) {
                case "return=minimal" -> {
                    return ReturnPreference.MINIMAL;
                }
                case "return=representation" -> {
                    return ReturnPreference.REPRESENTATION;
                }
                case "return=operationoutcome" -> {
                    return ReturnPreference.OPERATION_OUTCOME;
                }
                default -> {
                }
            }
        }
        return ReturnPreference.OPERATION_OUTCOME;
    }

    /** The media type a FHIR format is answered in. */
    static MediaType mediaTypeOf(DocumentFormat format) {
        return MediaType.valueOf((format == DocumentFormat.XML ? FHIR_XML : FHIR_JSON) + ";charset=utf-8");
    }

    /** The FHIR format of one of the media types this resource consumes. */
    static DocumentFormat formatOf(MediaType type) {
        String subtype = type == null ? "" : type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.contains("xml") ? DocumentFormat.XML : DocumentFormat.JSON;
    }
}
