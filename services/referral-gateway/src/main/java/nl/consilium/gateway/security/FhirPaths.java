package nl.consilium.gateway.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The FHIR endpoint's paths, and its OperationOutcome answers outside JAX-RS. */
final class FhirPaths {

    static final String MEDIA_TYPE = "application/fhir+json";

    private FhirPaths() {
    }

    /** True for {@code /fhir} and everything under it that the channel protects: all but {@code GET /fhir/metadata}. */
    static boolean isFhir(RoutingContext context) {
        String path = context.normalizedPath();
        boolean fhir = path != null && (path.equals("/fhir") || path.startsWith("/fhir/"));
        // The CapabilityStatement is public, as FHIR servers' metadata are: no token, no client certificate.
        boolean metadata = "/fhir/metadata".equals(path) && context.request().method() == io.vertx.core.http.HttpMethod.GET;
        return fhir && !metadata;
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
