package nl.consilium.gateway.domain.document.stu3;

import ca.uhn.fhir.context.FhirContext;
import java.util.Collection;
import java.util.Date;
import java.util.stream.Collectors;
import nl.consilium.gateway.domain.document.DocumentFormat;
import nl.consilium.gateway.domain.document.DocumentType;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.dstu3.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.dstu3.model.CapabilityStatement.UnknownContentCode;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Enumerations.PublicationStatus;

/**
 * The gateway's FHIR STU3 {@code CapabilityStatement} ({@code GET [base]/metadata}): exactly what the
 * endpoint supports, serialised with HAPI FHIR (kept here: HAPI stays inside this package).
 */
public final class Stu3CapabilityStatement {

    public static final String FHIR_VERSION = "3.0.2";
    static final String SECURITY_SERVICE_SYSTEM = "http://hl7.org/fhir/restful-security-service";

    /**
     * A context of its own for writing (thread-safe, shared by HAPI per version); the reader's
     * {@code Stu3Parser} keeps its own, configured for parsing.
     */
    private static final FhirContext FHIR = FhirContext.forDstu3Cached();

    private Stu3CapabilityStatement() {
    }

    /**
     * How calls to {@code [base]/Bundle} are secured, as configured.
     *
     * @param zorgDomeinToken ZorgDomein's RS256 bearer token is required (else the platform's own OAuth
     *        token with the role {@code referral-source})
     * @param clientCertificate ZorgDomein's client certificate is required (mutual TLS, at the gateway or
     *        at its ingress)
     */
    public record Security(boolean zorgDomeinToken, boolean clientCertificate) {
    }

    /**
     * The statement as text in {@code format}.
     *
     * @param acceptedTypes the document types {@code POST [base]/Bundle} takes
     * @param maxDocumentBytes the largest body accepted
     * @param security what the channel requires, as configured
     * @param publishedAt the statement's date (the service's start)
     */
    public static String write(DocumentFormat format, Collection<DocumentType> acceptedTypes, long maxDocumentBytes,
            Security security, Date publishedAt) {
        CapabilityStatement statement = build(acceptedTypes, maxDocumentBytes, security, publishedAt);
        var parser = format == DocumentFormat.XML ? FHIR.newXmlParser() : FHIR.newJsonParser();
        return parser.setPrettyPrint(false).encodeResourceToString(statement);
    }

    static CapabilityStatement build(Collection<DocumentType> acceptedTypes, long maxDocumentBytes, Security channel,
            Date publishedAt) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setId("referral-gateway");
        statement.setName("ConsiliumReferralGateway");
        statement.setTitle("Consilium referral gateway: ZorgDomein document receiver");
        statement.setStatus(PublicationStatus.ACTIVE);
        statement.setDate(publishedAt);
        statement.setPublisher("Consilium");
        statement.setKind(CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("consilium-referral-gateway");
        statement.getImplementation().setDescription("Receives ZorgDomein referral documents (FHIR STU3 "
                + "document Bundles) pushed to [base]/Bundle");
        statement.setFhirVersion(FHIR_VERSION);
        statement.setAcceptUnknown(UnknownContentCode.EXTENSIONS);
        statement.addFormat("json");
        statement.addFormat("xml");

        CapabilityStatementRestComponent rest = statement.addRest();
        rest.setMode(RestfulCapabilityMode.SERVER);
        rest.setDocumentation("ZorgDomein pushes referral documents as Bundles of type document with "
                + "POST [base]/Bundle (create only; no read, search or history).");
        CapabilityStatementRestSecurityComponent security = rest.getSecurity();
        security.setCors(false);
        // Only what is configured: a statement that promises mutual TLS or ZorgDomein's tokens where
        // neither is checked would mislead the integrator reading it.
        security.addService(new CodeableConcept().addCoding(new Coding(SECURITY_SERVICE_SYSTEM, "OAuth", "OAuth")));
        if (channel.clientCertificate()) {
            security.addService(new CodeableConcept().addCoding(
                    new Coding(SECURITY_SERVICE_SYSTEM, "Certificates", "Certificates")));
        }
        String token = channel.zorgDomeinToken()
                ? "Every call to [base]/Bundle carries 'Authorization: Bearer <JWT>' signed RS256 by ZorgDomein "
                        + "(signature checked against the registered keys; iat within the allowed clock skew, exp "
                        + "when present, jti used once)"
                : "Every call to [base]/Bundle carries 'Authorization: Bearer <token>' issued by this platform's "
                        + "identity provider with the role referral-source (ZorgDomein's tokens are not enabled on "
                        + "this installation)";
        security.setDescription(token + (channel.clientCertificate()
                ? ", over mutual TLS with ZorgDomein's client certificate. " : ". ") + "[base]/metadata is open.");

        CapabilityStatementRestResourceComponent bundle = rest.addResource();
        bundle.setType("Bundle");
        bundle.addInteraction().setCode(TypeRestfulInteraction.CREATE)
                .setDocumentation("Prefer: return=minimal | return=representation | return=OperationOutcome "
                        + "(default); 201 Created with Location; errors as OperationOutcome");
        bundle.setVersioning(CapabilityStatement.ResourceVersionPolicy.NOVERSION);
        bundle.setReadHistory(false);
        bundle.setUpdateCreate(false);
        bundle.setConditionalCreate(false);
        bundle.setDocumentation("A Bundle of type document whose first entry is a Composition with type in "
                + DocumentType.SYSTEM + ", one of: " + acceptedTypes.stream().map(DocumentType::code)
                        .collect(Collectors.joining(", "))
                + ". Idempotent by Bundle.id. At most " + maxDocumentBytes + " bytes.");
        return statement;
    }
}
