package nl.consilium.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import nl.consilium.gateway.domain.DocumentRejected;
import nl.consilium.gateway.domain.document.AppointmentRequestDocument;
import nl.consilium.gateway.domain.document.DocumentFormat;
import nl.consilium.gateway.domain.document.DocumentType;
import nl.consilium.gateway.domain.document.stu3.FhirStu3DocumentReader;
import org.junit.jupiter.api.Test;

/** The FHIR reading of the demo-shaped appointment request, without the application. */
class DocumentReaderTest {

    private final FhirStu3DocumentReader fhirReader = new FhirStu3DocumentReader();

    /** Appointment requests only. */
    private AppointmentRequestDocument read(byte[] body) {
        return (AppointmentRequestDocument) fhirReader.read(body, DocumentFormat.JSON,
                EnumSet.of(DocumentType.APPOINTMENT_REQUEST));
    }

    @Test
    void readsEveryFieldOfTheDemoShape() {
        ZorgDomeinBundle bundle = ZorgDomeinBundle.create();
        AppointmentRequestDocument request = read(bundle.json().getBytes(StandardCharsets.UTF_8));
        assertThat(request.bundleId()).isEqualTo(bundle.bundleId);
        assertThat(request.zorgDomeinNumber()).isEqualTo(bundle.zdNumber);
        assertThat(request.patient().bsn()).isEqualTo(bundle.bsn);
        assertThat(request.patient().name()).isEqualTo(ZorgDomeinBundle.PATIENT_NAME);
        assertThat(request.patient().birthDate()).isEqualTo(ZorgDomeinBundle.BIRTH_DATE);
        assertThat(request.patient().phone()).isEqualTo(ZorgDomeinBundle.PHONE);
        assertThat(request.patient().email()).isEqualTo(ZorgDomeinBundle.EMAIL);
        assertThat(request.referrer().agb()).isEqualTo(ZorgDomeinBundle.GP_AGB);
        assertThat(request.referrer().name()).isEqualTo(ZorgDomeinBundle.GP_NAME);
        assertThat(request.referrer().organisationName()).isEqualTo(ZorgDomeinBundle.PRACTICE);
        assertThat(request.requestedProduct().code()).isEqualTo("SECOND_OPINION");
        assertThat(request.treating().specialty().code()).isEqualTo("cardiology");
        assertThat(request.treating().hospital()).isEqualTo(ZorgDomeinBundle.HOSPITAL);
        assertThat(request.toString()).doesNotContain(bundle.bsn).doesNotContain(ZorgDomeinBundle.PATIENT_NAME);
    }

    @Test
    void aNameWithoutTextIsGivenAndFamilyAndAPartialBirthDateIsUnknown() {
        ObjectNode node = ZorgDomeinBundle.create().node();
        ObjectNode patient = (ObjectNode) node.withArray("entry").get(1).get("resource");
        ((ObjectNode) patient.withArray("name").get(0)).remove("text");
        patient.put("birthDate", "1961-04");
        AppointmentRequestDocument request = read(ZorgDomeinBundle.write(node).getBytes(StandardCharsets.UTF_8));
        assertThat(request.patient().name()).isEqualTo("Fenna Postma");
        assertThat(request.patient().birthDate()).isNull();
    }

    @Test
    void rejectionsNameTheElementAndNeverQuoteTheBsn() {
        ZorgDomeinBundle bundle = ZorgDomeinBundle.forBsn("123456789");
        assertThatThrownBy(() -> read(bundle.json().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DocumentRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.expression()).isEqualTo("Patient.identifier");
                    assertThat(e.getMessage()).doesNotContain("123456789");
                });
        assertThatThrownBy(() -> read(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0}))
                .isInstanceOfSatisfying(DocumentRejected.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> read("{\"resourceType\":\"Bundle\",\"resourceType\":\"Bundle\"}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DocumentRejected.class, e -> assertThat(e.issueCode()).isEqualTo("structure"));
    }
}
