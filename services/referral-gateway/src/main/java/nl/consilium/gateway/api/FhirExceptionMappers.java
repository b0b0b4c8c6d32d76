package nl.consilium.gateway.api;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import nl.consilium.gateway.domain.DocumentRejected;
import nl.consilium.platform.problem.Problem;
import org.jboss.logging.Logger;

/** The FHIR endpoint answers its errors as OperationOutcome ({@code application/fhir+json}). */
public final class FhirExceptionMappers {

    static final String FHIR_PATH = "/fhir/";

    private FhirExceptionMappers() {
    }

    static Response outcome(int status, String code, String diagnostics, String expression) {
        return Response.status(status).type(OperationOutcome.MEDIA_TYPE)
                .entity(OperationOutcome.error(code, diagnostics, expression)).build();
    }

    /**
     * A rejected document: logged for the operator with its status, FHIR issue code and element (never
     * the diagnostics or any value of the document), answered as an OperationOutcome.
     */
    @Provider
    public static class DocumentRejectedMapper implements ExceptionMapper<DocumentRejected> {

        private static final Logger LOG = Logger.getLogger(DocumentRejectedMapper.class);

        @Override
        public Response toResponse(DocumentRejected e) {
            LOG.infof("ZorgDomein document rejected: %d %s at %s", e.status(), e.issueCode(),
                    e.expression() == null ? "(the document)" : e.expression());
            return outcome(e.status(), e.issueCode(), e.getMessage(), e.expression());
        }
    }

    /** 415 on the FHIR endpoint as an OperationOutcome; elsewhere the platform's problem+json. */
    @Provider
    public static class UnsupportedMediaTypeMapper implements ExceptionMapper<NotSupportedException> {

        @Inject
        CurrentVertxRequest request;

        @Override
        public Response toResponse(NotSupportedException e) {
            RoutingContext context = request.getCurrent();
            if (context != null && context.normalizedPath().startsWith(FHIR_PATH)) {
                return outcome(415, "not-supported", "Send the Bundle as FHIR STU3 JSON (" + FhirBundleResource.FHIR_JSON
                        + ", " + FhirBundleResource.FHIR_JSON_OLD + " or application/json) or XML ("
                        + FhirBundleResource.FHIR_XML + " or " + FhirBundleResource.FHIR_XML_OLD + ")", null);
            }
            return Response.status(415).type(Problem.MEDIA_TYPE).entity(Problem.of("unsupported-media-type",
                    "Unsupported Media Type", 415, "This resource does not accept that content type")).build();
        }
    }
}
