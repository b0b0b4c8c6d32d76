package nl.consilium.gateway.api;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import nl.consilium.gateway.config.GatewayConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code consilium.referral-gateway.max-document-size} on {@code /fhir/*}: a declared
 * {@code Content-Length} above it is answered 413 with an OperationOutcome before the body is read
 * (a chunked body is measured by {@link FhirBundleResource}); a body above Vert.x's own
 * {@code quarkus.http.limits.max-body-size} that reaches the router gets an OperationOutcome too.
 */
@ApplicationScoped
public class DocumentSizeLimit {

    private static final Logger LOG = Logger.getLogger(DocumentSizeLimit.class);

    /** After the client-certificate check (500): an untrusted caller learns nothing about limits. */
    static final int PRIORITY = 400;

    @Inject
    GatewayConfig config;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void warnWhenVertxCutsFirst(@Observes StartupEvent started) {
        long document = config.maxDocumentSize().asLongValue();
        long body = maxBodySize.map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        if (body <= document) {
            LOG.warnf("quarkus.http.limits.max-body-size (%d bytes) is not above consilium.referral-gateway."
                    + "max-document-size (%d bytes): larger documents get Vert.x's empty 413, not an OperationOutcome",
                    body, document);
        }
    }

    private void check(RoutingContext context) {
        String path = context.normalizedPath();
        if (path != null && path.startsWith(FhirExceptionMappers.FHIR_PATH)) {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                answer(context);
                return;
            }
        }
        context.next();
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > config.maxDocumentSize().asLongValue();
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    /** The 413 OperationOutcome, as JSON text (outside JAX-RS). */
    void answer(RoutingContext context) {
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, OperationOutcome.MEDIA_TYPE)
                .end(tooLargeOutcomeJson());
    }

    String tooLargeOutcomeJson() {
        OperationOutcome.Issue issue = tooLargeOutcome().issue().getFirst();
        return new JsonObject().put("resourceType", "OperationOutcome").put("issue", new JsonArray().add(
                new JsonObject().put("severity", issue.severity()).put("code", issue.code())
                        .put("diagnostics", issue.diagnostics()))).encode();
    }

    OperationOutcome tooLargeOutcome() {
        return OperationOutcome.error("too-costly", "The document is larger than this endpoint takes ("
                + config.maxDocumentSize().asLongValue() + " bytes); send attachments of at most that size in total",
                null);
    }

    boolean tooLarge(byte[] body) {
        return body != null && body.length > config.maxDocumentSize().asLongValue();
    }
}
