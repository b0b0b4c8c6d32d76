package nl.consilium.gateway.generator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * One generated {@code appointment-request} document, in JSON and XML (the same content), with the values
 * it carries so that a test can check what the gateway extracted. Fictitious data only.
 *
 * @param gender a FHIR administrative gender code
 * @param email null when the document carries none
 * @param specialty the code in {@code https://consilium.nl/fhir/CodeSystem/specialty}
 */
public record GeneratedReferral(String bundleId, String zdNumber, String bsn, String patientName, LocalDate birthDate,
        String gender, String phone, String email, String gpAgb, String gpName, String practice, String practiceAgb,
        String product, String specialty, String hospital, String specialist, String json, String xml) {

    public byte[] jsonBytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xmlBytes() {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "GeneratedReferral[" + bundleId + ", " + zdNumber + ", " + specialty + ", " + product + "]";
    }
}
