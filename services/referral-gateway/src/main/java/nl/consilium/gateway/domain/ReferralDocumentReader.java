package nl.consilium.gateway.domain;

import java.util.EnumSet;
import java.util.Set;
import nl.consilium.gateway.domain.document.DocumentFormat;
import nl.consilium.gateway.domain.document.DocumentType;
import nl.consilium.gateway.domain.document.ZorgDomeinDocument;

/**
 * Reads a ZorgDomein FHIR STU3 document Bundle into the {@link ZorgDomeinDocument} model. The one
 * place that knows the FHIR shape (HAPI FHIR: {@code domain.document.stu3.FhirStu3DocumentReader}).
 */
public interface ReferralDocumentReader {

    /**
     * Reads and checks a document of one of the {@code accepted} types.
     *
     * @param body the request body as received (UTF-8)
     * @param format JSON or XML, from the request's media type
     * @param accepted the document types the caller takes; others are rejected with 422 {@code not-supported}
     * @throws DocumentRejected 400 when it is not a readable document Bundle of the expected shape, 422 when
     *         it is well-formed but not acceptable (a type not accepted, an invalid BSN or AGB code)
     */
    ZorgDomeinDocument read(byte[] body, DocumentFormat format, Set<DocumentType> accepted);

    /** Reads a document of any of the five ZorgDomein types. */
    default ZorgDomeinDocument read(byte[] body, DocumentFormat format) {
        return read(body, format, EnumSet.allOf(DocumentType.class));
    }
}
