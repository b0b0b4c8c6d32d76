package nl.consilium.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import nl.consilium.identifiers.DutchIdentifiers;

/**
 * A fictitious ZorgDomein {@code appointment-request} document Bundle of the shape the demo sends
 * (modelled on deploy/local's SampleReferral): Composition first, then Patient, Practitioner,
 * PractitionerRole, Organization and ReferralRequest, all referenced by {@code urn:uuid} fullUrl.
 * Every instance has a fresh Bundle.id, ZD number and BSN; {@link #node()} gives a mutable copy to
 * break on purpose.
 */
final class ZorgDomeinBundle {

    static final String GP_AGB = "01123456";
    static final String GP_NAME = "Anna Jansen";
    static final String PRACTICE = "Huisartsenpraktijk De Linde";
    static final String HOSPITAL = "Ziekenhuis Noorderhaven";
    static final String PATIENT_NAME = "Fenna Postma";
    static final LocalDate BIRTH_DATE = LocalDate.of(1961, 4, 2);
    static final String PHONE = "0612345678";
    static final String EMAIL = "fenna.postma@example.org";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    final String bundleId = UUID.randomUUID().toString();
    final String zdNumber = "ZD" + String.format(Locale.ROOT, "%09d", RANDOM.nextInt(1_000_000_000));
    final String bsn;
    private final ObjectNode bundle;

    private ZorgDomeinBundle(String bsn) {
        this.bsn = bsn;
        this.bundle = build();
    }

    static ZorgDomeinBundle create() {
        return new ZorgDomeinBundle(validBsn());
    }

    static ZorgDomeinBundle forBsn(String bsn) {
        return new ZorgDomeinBundle(bsn);
    }

    String json() {
        return write(bundle);
    }

    /** A mutable copy of the Bundle. */
    ObjectNode node() {
        return bundle.deepCopy();
    }

    static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random BSN that passes the 11-proef. */
    static String validBsn() {
        return DutchIdentifiers.randomBsn(RANDOM);
    }

    private ObjectNode build() {
        String compositionId = UUID.randomUUID().toString();
        String patientId = UUID.randomUUID().toString();
        String practitionerId = UUID.randomUUID().toString();
        String roleId = UUID.randomUUID().toString();
        String organizationId = UUID.randomUUID().toString();
        String referralRequestId = UUID.randomUUID().toString();
        String when = "2026-11-23T09:15:30+01:00";

        ObjectNode b = JSON.createObjectNode();
        b.put("resourceType", "Bundle");
        b.put("id", bundleId);
        b.putObject("meta").put("lastUpdated", when);
        b.set("identifier", identifier("urn:ietf:rfc:3986", "urn:uuid:" + bundleId));
        b.put("type", "document");
        b.put("timestamp", when);
        ArrayNode entries = b.putArray("entry");

        ObjectNode composition = resource("Composition", compositionId);
        composition.set("identifier", identifier("http://zorgdomein.nl/identifier/referral", zdNumber));
        composition.put("status", "final");
        composition.set("type", concept("http://zorgdomein.nl/terminology/code-system/document-type",
                "appointment-request", "Afspraakverzoek"));
        composition.set("subject", reference(patientId, PATIENT_NAME));
        composition.put("date", when);
        composition.putArray("author").add(reference(roleId, GP_NAME));
        composition.put("title", "Verwijzing digitale second opinion Cardiologie");
        ObjectNode section = composition.putArray("section").addObject();
        section.put("title", "Verwijzing");
        section.putArray("entry").add(reference(referralRequestId, null));
        entry(entries, compositionId, composition);

        ObjectNode patient = resource("Patient", patientId);
        patient.putArray("identifier").add(identifier("http://fhir.nl/fhir/NamingSystem/bsn", bsn));
        ObjectNode name = patient.putArray("name").addObject();
        name.put("use", "official");
        name.put("text", PATIENT_NAME);
        name.put("family", "Postma");
        name.putArray("given").add("Fenna");
        ArrayNode telecom = patient.putArray("telecom");
        telecom.addObject().put("system", "phone").put("value", PHONE).put("use", "mobile");
        telecom.addObject().put("system", "email").put("value", EMAIL).put("use", "home");
        patient.put("gender", "female");
        patient.put("birthDate", BIRTH_DATE.toString());
        entry(entries, patientId, patient);

        ObjectNode practitioner = resource("Practitioner", practitionerId);
        practitioner.putArray("identifier").add(identifier("http://fhir.nl/fhir/NamingSystem/agb-z", GP_AGB));
        ObjectNode gpName = practitioner.putArray("name").addObject();
        gpName.put("use", "official");
        gpName.put("text", GP_NAME);
        gpName.put("family", "Jansen");
        gpName.putArray("given").add("Anna");
        entry(entries, practitionerId, practitioner);

        ObjectNode role = resource("PractitionerRole", roleId);
        role.set("practitioner", reference(practitionerId, GP_NAME));
        role.set("organization", reference(organizationId, PRACTICE));
        role.putArray("code").add(concept("urn:oid:2.16.840.1.113883.2.4.15.111", "01.015", "Huisarts"));
        entry(entries, roleId, role);

        ObjectNode organization = resource("Organization", organizationId);
        organization.putArray("identifier").add(identifier("http://fhir.nl/fhir/NamingSystem/agb-z", "01654321"));
        organization.put("name", PRACTICE);
        entry(entries, organizationId, organization);

        ObjectNode referral = resource("ReferralRequest", referralRequestId);
        referral.putArray("extension").addObject()
                .put("url", "https://consilium.nl/fhir/StructureDefinition/treating-hospital")
                .put("valueString", HOSPITAL);
        referral.putArray("identifier").add(identifier("http://zorgdomein.nl/identifier/referral", zdNumber));
        referral.put("status", "active");
        referral.put("intent", "order");
        referral.putArray("serviceRequested").add(concept("http://zorgdomein.nl/terminology/code-system/product",
                "SECOND_OPINION", "Digitale second opinion"));
        referral.set("subject", reference(patientId, PATIENT_NAME));
        referral.put("authoredOn", when);
        ObjectNode requester = referral.putObject("requester");
        requester.set("agent", reference(practitionerId, GP_NAME));
        requester.set("onBehalfOf", reference(organizationId, PRACTICE));
        referral.set("specialty", concept("https://consilium.nl/fhir/CodeSystem/specialty", "cardiology", "Cardiologie"));
        referral.putArray("reasonCode").addObject().put("text", "Twijfel over het voorgestelde behandelbeleid.");
        entry(entries, referralRequestId, referral);
        return b;
    }

    private static ObjectNode resource(String type, String id) {
        ObjectNode node = JSON.createObjectNode();
        node.put("resourceType", type);
        node.put("id", id);
        return node;
    }

    private static void entry(ArrayNode entries, String id, ObjectNode resource) {
        ObjectNode entry = entries.addObject();
        entry.put("fullUrl", "urn:uuid:" + id);
        entry.set("resource", resource);
    }

    private static ObjectNode identifier(String system, String value) {
        ObjectNode node = JSON.createObjectNode();
        node.put("system", system);
        node.put("value", value);
        return node;
    }

    private static ObjectNode reference(String id, String display) {
        ObjectNode node = JSON.createObjectNode();
        node.put("reference", "urn:uuid:" + id);
        if (display != null) {
            node.put("display", display);
        }
        return node;
    }

    private static ObjectNode concept(String system, String code, String display) {
        ObjectNode concept = JSON.createObjectNode();
        ObjectNode coding = concept.putArray("coding").addObject();
        coding.put("system", system);
        coding.put("code", code);
        coding.put("display", display);
        concept.put("text", display);
        return concept;
    }

    @Override
    public String toString() {
        return "ZorgDomeinBundle[" + bundleId + ", " + zdNumber + "]";
    }
}
