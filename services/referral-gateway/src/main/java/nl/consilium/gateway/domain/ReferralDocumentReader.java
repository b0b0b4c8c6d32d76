package nl.consilium.gateway.domain;

/**
 * Reads a ZorgDomein FHIR STU3 document Bundle. The one place that knows the FHIR shape; the
 * walking skeleton reads a Jackson tree ({@link JsonTreeReferralDocumentReader}), issue 3 replaces
 * it with HAPI FHIR behind this interface.
 */
public interface ReferralDocumentReader {

    /**
     * Reads and checks an {@code appointment-request} document.
     *
     * @param body the request body as received (UTF-8 JSON)
     * @throws DocumentRejected 400 when it is not a readable document Bundle of that shape, 422 when it
     *         is well-formed but not acceptable (another document type, an invalid BSN or AGB code)
     */
    AppointmentRequest read(byte[] body);
}
