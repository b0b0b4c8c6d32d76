package nl.consilium.gateway.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The FHIR endpoint's paths, and its OperationOutcome answers outside JAX-RS. */
final class FhirPaths {

    static final String MEDIA_TYPE = "application/fhir+json";

    private FhirPaths() {
    }

    /** True for {@code /fhir} and everything under it. */
    static boolean isFhir(RoutingContext context) {
        String path = context.normalizedPath();
        return path != null && (path.equals("/fhir") || path.startsWith("/fhir/"));
    }

    /** An OperationOutcome with one error issue, as the gateway's {@code api.OperationOutcome} writes it. */
    static String outcome(String code, String diagnostics) {
        return new JsonObject()
                .put("resourceType", "OperationOutcome")
                .put("issue", new JsonArray().add(new JsonObject()
                        .put("severity", "error")
                        .put("code", code)
                        .put("diagnostics", diagnostics)))
                .encode();
    }

    static void answer(RoutingContext context, int status, String code, String diagnostics) {
        context.response().setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(outcome(code, diagnostics));
    }
}
