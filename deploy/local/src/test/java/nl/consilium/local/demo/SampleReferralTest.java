package nl.consilium.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SampleReferralTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode parse(SampleReferral referral) throws Exception {
        return JSON.readTree(referral.toJson());
    }

    /** resourceType -> resource, for the entries of a bundle (each type occurs once in a sample). */
    private static Map<String, JsonNode> byType(JsonNode bundle) {
        Map<String, JsonNode> map = new HashMap<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            assertThat(map.put(resource.path("resourceType").asText(), resource)).isNull();
        }
        return map;
    }

    private static Map<String, JsonNode> byFullUrl(JsonNode bundle) {
        Map<String, JsonNode> map = new HashMap<>();
        for (JsonNode entry : bundle.path("entry")) {
            map.put(entry.path("fullUrl").asText(), entry.path("resource"));
        }
        return map;
    }

    private static JsonNode resolve(JsonNode bundle, JsonNode reference) {
        JsonNode target = byFullUrl(bundle).get(reference.path("reference").asText());
        assertThat(target).as("reference %s resolves inside the bundle", reference).isNotNull();
        return target;
    }

    @Test
    void isAFhirDocumentBundleWithTheCompositionFirst() throws Exception {
        SampleReferral referral = SampleReferral.create();
        JsonNode bundle = parse(referral);

        assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.path("type").asText()).isEqualTo("document");
        assertThat(UUID.fromString(bundle.path("id").asText())).isEqualTo(referral.bundleId());
        assertThat(bundle.path("identifier").path("system").asText()).isEqualTo("urn:ietf:rfc:3986");
        assertThat(bundle.path("identifier").path("value").asText()).isEqualTo("urn:uuid:" + referral.bundleId());
        assertThat(OffsetDateTime.parse(bundle.path("timestamp").asText()).toInstant()).isEqualTo(referral.timestamp());

        JsonNode entries = bundle.path("entry");
        assertThat(entries.size()).isEqualTo(6);
        assertThat(entries.get(0).path("resource").path("resourceType").asText()).isEqualTo("Composition");
        assertThat(byType(bundle).keySet()).containsExactlyInAnyOrder("Composition", "Patient", "Practitioner",
                "PractitionerRole", "Organization", "ReferralRequest");
        for (JsonNode entry : entries) {
            String fullUrl = entry.path("fullUrl").asText();
            assertThat(fullUrl).startsWith("urn:uuid:");
            assertThat(entry.path("resource").path("id").asText()).isEqualTo(fullUrl.substring("urn:uuid:".length()));
            UUID.fromString(entry.path("resource").path("id").asText());
        }
    }

    @Test
    void compositionIsAnAppointmentRequestWithTheZdNumber() throws Exception {
        SampleReferral referral = SampleReferral.create();
        JsonNode bundle = parse(referral);
        JsonNode composition = bundle.path("entry").get(0).path("resource");

        assertThat(referral.zdNumber()).matches("ZD\\d{9}");
        assertThat(composition.path("identifier").path("system").asText())
                .isEqualTo("http://zorgdomein.nl/identifier/referral");
        assertThat(composition.path("identifier").path("value").asText()).isEqualTo(referral.zdNumber());
        JsonNode type = composition.path("type").path("coding").get(0);
        assertThat(type.path("system").asText()).isEqualTo("http://zorgdomein.nl/terminology/code-system/document-type");
        assertThat(type.path("code").asText()).isEqualTo("appointment-request");
        assertThat(composition.path("status").asText()).isEqualTo("final");
        assertThat(composition.path("title").asText()).isNotBlank();
        assertThat(composition.path("date").asText()).isNotBlank();

        assertThat(resolve(bundle, composition.path("subject")).path("resourceType").asText()).isEqualTo("Patient");
        JsonNode role = resolve(bundle, composition.path("author").get(0));
        assertThat(role.path("resourceType").asText()).isEqualTo("PractitionerRole");
        assertThat(resolve(bundle, role.path("practitioner")).path("resourceType").asText()).isEqualTo("Practitioner");
        assertThat(resolve(bundle, role.path("organization")).path("resourceType").asText()).isEqualTo("Organization");
        assertThat(resolve(bundle, composition.path("section").get(0).path("entry").get(0)).path("resourceType").asText())
                .isEqualTo("ReferralRequest");
    }

    @Test
    void patientHasAValidBsnAndContactDetails() throws Exception {
        SampleReferral referral = SampleReferral.create();
        JsonNode patient = byType(parse(referral)).get("Patient");

        JsonNode bsn = patient.path("identifier").get(0);
        assertThat(bsn.path("system").asText()).isEqualTo("http://fhir.nl/fhir/NamingSystem/bsn");
        assertThat(SampleReferral.isValidBsn(bsn.path("value").asText())).isTrue();
        assertThat(bsn.path("value").asText()).isEqualTo(referral.patient().bsn());

        JsonNode name = patient.path("name").get(0);
        assertThat(name.path("family").asText()).isEqualTo(referral.patient().family());
        assertThat(name.path("given").get(0).asText()).isEqualTo(referral.patient().given());
        assertThat(name.path("text").asText()).isEqualTo(referral.patient().fullName());
        assertThat(patient.path("gender").asText()).isIn("male", "female");
        LocalDate birthDate = LocalDate.parse(patient.path("birthDate").asText());
        assertThat(birthDate).isBetween(LocalDate.of(1940, 1, 1), LocalDate.of(2000, 12, 31));

        Map<String, String> telecom = new HashMap<>();
        patient.path("telecom").forEach(t -> telecom.put(t.path("system").asText(), t.path("value").asText()));
        assertThat(telecom.get("phone")).matches("06\\d{8}");
        assertThat(telecom.get("email")).endsWith("@example.org");
    }

    @Test
    void referrerDefaultsToTheDemoGpOfTheRealm() throws Exception {
        SampleReferral referral = SampleReferral.create();
        Map<String, JsonNode> resources = byType(parse(referral));

        DemoUsers.DemoUser gp = DemoUsers.builtIn().require(DemoUsers.GP_JANSEN);
        assertThat(referral.referrerAgb()).isEqualTo(gp.agb()).isEqualTo("01123456");
        assertThat(referral.referrerName()).isEqualTo(gp.name());

        JsonNode practitioner = resources.get("Practitioner");
        JsonNode agb = practitioner.path("identifier").get(0);
        assertThat(agb.path("system").asText()).isEqualTo("http://fhir.nl/fhir/NamingSystem/agb-z");
        assertThat(agb.path("value").asText()).isEqualTo("01123456");
        assertThat(practitioner.path("name").get(0).path("text").asText()).isEqualTo("Anna Jansen");
        assertThat(practitioner.path("name").get(0).path("family").asText()).isEqualTo("Jansen");
        assertThat(resources.get("Organization").path("name").asText()).isEqualTo(SampleReferral.DEFAULT_PRACTICE_NAME);
        assertThat(resources.get("Organization").path("identifier").get(0).path("value").asText()).matches("01\\d{6}");
    }

    @Test
    void referralRequestCarriesSpecialtyProductReasonAndTreatingHospital() throws Exception {
        SampleReferral referral = SampleReferral.create();
        JsonNode bundle = parse(referral);
        JsonNode request = byType(bundle).get("ReferralRequest");

        JsonNode specialty = request.path("specialty").path("coding").get(0);
        assertThat(specialty.path("system").asText()).isEqualTo(SampleReferral.SPECIALTY_SYSTEM);
        assertThat(specialty.path("code").asText()).isEqualTo("cardiology");
        assertThat(specialty.path("display").asText()).isEqualTo("Cardiologie");

        JsonNode product = request.path("serviceRequested").get(0).path("coding").get(0);
        assertThat(product.path("system").asText()).isEqualTo("http://zorgdomein.nl/terminology/code-system/product");
        assertThat(product.path("code").asText()).isEqualTo("SECOND_OPINION");

        assertThat(request.path("reasonCode").get(0).path("text").asText()).isEqualTo(referral.reason()).isNotBlank();

        JsonNode extension = request.path("extension").get(0);
        assertThat(extension.path("url").asText())
                .isEqualTo("https://consilium.nl/fhir/StructureDefinition/treating-hospital");
        assertThat(extension.path("valueString").asText()).isEqualTo(SampleReferral.DEFAULT_TREATING_HOSPITAL);

        JsonNode agent = resolve(bundle, request.path("requester").path("agent"));
        assertThat(agent.path("resourceType").asText()).isEqualTo("Practitioner");
        assertThat(resolve(bundle, request.path("subject")).path("resourceType").asText()).isEqualTo("Patient");
        assertThat(request.path("identifier").get(0).path("value").asText()).isEqualTo(referral.zdNumber());
        assertThat(request.path("status").asText()).isEqualTo("active");
        assertThat(request.path("intent").asText()).isEqualTo("order");
    }

    @Test
    void parametersAreHonoured() throws Exception {
        Instant at = Instant.parse("2026-03-02T08:15:30Z");
        SampleReferral referral = SampleReferral.builder()
                .referrer("01234567", "Pieter de Vries")
                .specialty("orthopaedics")
                .treatingHospital("Streekziekenhuis Zuidkust")
                .zdNumber("ZD000000042")
                .bsn("111222333")
                .timestamp(at)
                .build();
        JsonNode bundle = parse(referral);
        Map<String, JsonNode> resources = byType(bundle);

        assertThat(bundle.path("timestamp").asText()).isEqualTo("2026-03-02T09:15:30+01:00");
        assertThat(resources.get("Composition").path("identifier").path("value").asText()).isEqualTo("ZD000000042");
        assertThat(resources.get("Patient").path("identifier").get(0).path("value").asText()).isEqualTo("111222333");
        JsonNode gpName = resources.get("Practitioner").path("name").get(0);
        assertThat(gpName.path("family").asText()).isEqualTo("de Vries");
        assertThat(gpName.path("given").get(0).asText()).isEqualTo("Pieter");
        assertThat(resources.get("Practitioner").path("identifier").get(0).path("value").asText()).isEqualTo("01234567");
        JsonNode request = resources.get("ReferralRequest");
        assertThat(request.path("specialty").path("coding").get(0).path("code").asText()).isEqualTo("orthopaedics");
        assertThat(request.path("extension").get(0).path("valueString").asText()).isEqualTo("Streekziekenhuis Zuidkust");
        assertThat(referral.describe()).contains("ZD000000042", "Orthopedie", "Pieter de Vries", "01234567",
                "Streekziekenhuis Zuidkust");
    }

    @Test
    void describeAndToStringHoldNoPatientData() {
        SampleReferral referral = SampleReferral.create();
        SampleReferral.Patient patient = referral.patient();
        for (String text : List.of(referral.describe(), referral.toString())) {
            assertThat(text).doesNotContain(patient.bsn(), patient.family(), patient.birthDate().toString(),
                    patient.phone(), patient.email());
        }
    }

    @Test
    void idsAreFreshEvenWithTheSameSeed() throws Exception {
        SampleReferral a = SampleReferral.builder().random(new Random(1)).build();
        SampleReferral b = SampleReferral.builder().random(new Random(1)).build();

        assertThat(a.bundleId()).isNotEqualTo(b.bundleId());
        assertThat(byFullUrl(parse(a)).keySet()).doesNotContainAnyElementsOf(byFullUrl(parse(b)).keySet());
        assertThat(a.patient()).isEqualTo(b.patient());
    }

    @Test
    void theJsonIsStableSoPostingItTwiceIsARedelivery() {
        SampleReferral referral = SampleReferral.create();
        assertThat(referral.toJson()).isEqualTo(referral.toJson());
        assertThat(referral.toJsonNode().toString()).isEqualTo(referral.toJson());
        referral.toJsonNode().put("id", "changed");
        assertThat(referral.toJson()).contains(referral.bundleId().toString());
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> SampleReferral.builder().referrer("1123456", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleReferral.builder().bsn("123456789"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleReferral.builder().zdNumber("ZD12345678"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SampleReferral.isValidZdNumber("ZD123456789")).isTrue();
        assertThat(SampleReferral.isValidZdNumber("zd123456789")).isFalse();
    }
}
