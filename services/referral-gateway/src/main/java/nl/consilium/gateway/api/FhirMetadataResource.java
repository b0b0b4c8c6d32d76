package nl.consilium.gateway.api;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import nl.consilium.gateway.config.GatewayConfig;
import nl.consilium.gateway.domain.document.DocumentFormat;
import nl.consilium.gateway.domain.document.stu3.Stu3CapabilityStatement;
import nl.consilium.gateway.security.ZorgDomeinSecurityConfig;
import nl.consilium.gateway.security.ZorgDomeinSecurityConfig.ClientCertificateMode;
import nl.consilium.gateway.service.ReferralService;

/**
 * {@code GET /fhir/metadata}: the FHIR STU3 CapabilityStatement, open to anyone (as FHIR servers do).
 * JSON unless {@code Accept} (or {@code _format}) asks for XML. Its security section says what the
 * ZorgDomein channel is configured to require (token, client certificate), nothing more.
 */
@Path("/fhir/metadata")
@ApplicationScoped
public class FhirMetadataResource {

    @Inject
    GatewayConfig config;

    @Inject
    ZorgDomeinSecurityConfig security;

    private final Map<DocumentFormat, String> statements = new EnumMap<>(DocumentFormat.class);

    void build(@Observes StartupEvent started) {
        Date now = new Date();
        Stu3CapabilityStatement.Security channel = new Stu3CapabilityStatement.Security(security.enabled(),
                security.clientCertificate() != ClientCertificateMode.NONE);
        for (DocumentFormat format : DocumentFormat.values()) {
            statements.put(format, Stu3CapabilityStatement.write(format, ReferralService.ACCEPTED,
                    config.maxDocumentSize().asLongValue(), channel, now));
        }
    }

    @GET
    @PermitAll
    @Produces({FhirBundleResource.FHIR_JSON, FhirBundleResource.FHIR_XML, "application/json", "application/xml",
            FhirBundleResource.FHIR_JSON_OLD, FhirBundleResource.FHIR_XML_OLD, "*/*"})
    public Response capabilities(@HeaderParam(HttpHeaders.ACCEPT) String accept, @QueryParam("_format") String format) {
        DocumentFormat chosen = wantsXml(accept, format) ? DocumentFormat.XML : DocumentFormat.JSON;
        String statement = statements.get(chosen);
        if (statement == null) { // before the start-up event (never in practice)
            build(null);
            statement = statements.get(chosen);
        }
        return Response.ok(statement, FhirBundleResource.mediaTypeOf(chosen)).build();
    }

    /** FHIR's {@code _format} wins over {@code Accept}; JSON unless XML is asked for (and JSON is not first). */
    static boolean wantsXml(String accept, String format) {
        if (format != null && !format.isBlank()) {
            return format.toLowerCase(Locale.ROOT).contains("xml");
        }
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (type.contains("json")) {
                return false;
            }
            if (type.endsWith("/xml") || type.contains("fhir+xml") || type.contains("xml+fhir")) {
                return true;
            }
        }
        return false;
    }
}
