package nl.consilium.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/** ZorgDomein's POST /fhir/Bundle over HTTP, with real PostgreSQL, Kafka and signed tokens. */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ConsiliumTestInfrastructure.SERVICE, value = "referral-gateway"))
class BundleIngestionTest {

    static final String FHIR_JSON = "application/fhir+json";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final String LOCATION = "/api/referrals/[0-9a-f-]{36}";

    @Inject
    EntityManager entityManager;

    static Response post(String json) {
        return given().auth().oauth2(Tokens.referralSource()).contentType(FHIR_JSON).accept(FHIR_JSON)
                .body(json.getBytes(StandardCharsets.UTF_8)).post("/fhir/Bundle");
    }

    static UUID referralIdOf(Response response) {
        String location = response.header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void theDemoShapedBundleIsStoredAndAnnouncedAsReferralReceived() throws Exception {
        ZorgDomeinBundle bundle = ZorgDomeinBundle.create();
        Response response = post(bundle.json());
        response.then().statusCode(201)
                .contentType(startsWith(FHIR_JSON))
                .header("Location", matchesPattern(LOCATION))
                .body("resourceType", is("OperationOutcome"))
                .body("issue[0].severity", is("information"))
                .body("issue[0].code", is("informational"));
        UUID referralId = referralIdOf(response);

        var event = TestKafka.awaitEvent(EventType.REFERRAL_RECEIVED, referralId.toString(), WAIT);
        ReferralReceived received = event.dataAs(ReferralReceived.class);
        assertThat(received.referralId()).isEqualTo(referralId);
        assertThat(received.zorgDomeinNumber()).isEqualTo(bundle.zdNumber);
        assertThat(received.patientId()).isNotNull();
        assertThat(received.patient().name()).isEqualTo(ZorgDomeinBundle.PATIENT_NAME);
        assertThat(received.patient().birthDate()).isEqualTo(ZorgDomeinBundle.BIRTH_DATE);
        assertThat(received.patient().gender()).isEqualTo("female");
        assertThat(received.patient().phone()).isEqualTo(ZorgDomeinBundle.PHONE);
        assertThat(received.patient().email()).isEqualTo(ZorgDomeinBundle.EMAIL);
        assertThat(received.referrer().agb()).isEqualTo(ZorgDomeinBundle.GP_AGB);
        assertThat(received.referrer().name()).isEqualTo(ZorgDomeinBundle.GP_NAME);
        assertThat(received.referrer().organisation()).isEqualTo(ZorgDomeinBundle.PRACTICE);
        assertThat(received.requestedProduct()).isEqualTo("SECOND_OPINION");
        assertThat(received.treatingSpecialty()).isEqualTo("cardiology");
        assertThat(received.treatingHospital()).isEqualTo(ZorgDomeinBundle.HOSPITAL);
        assertThat(event.source()).isEqualTo("/consilium/referral-gateway");

        var record = TestKafka.awaitRecords(Topics.REFERRAL, r -> r.key().equals(referralId.toString()), 1, WAIT)
                .getFirst();
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(event.id().toString());
        assertThat(record.value()).as("the BSN never leaves the gateway").doesNotContain(bundle.bsn);

        Object[] document = single("select sha256, content, referral_id from received_document where bundle_id = ?1",
                bundle.bundleId);
        assertThat(document[0]).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(bundle.json().getBytes(StandardCharsets.UTF_8))));
        assertThat(document[1]).isEqualTo(bundle.json());
        assertThat(document[2]).isEqualTo(referralId);
        Object[] patient = single("select id, bsn from patient where id = ?1", received.patientId());
        assertThat(patient[1]).isEqualTo(bundle.bsn);
    }

    @Test
    void theSameDocumentAgainGivesTheSameAnswerAndChangesNothing() {
        ZorgDomeinBundle bundle = ZorgDomeinBundle.create();
        Response first = post(bundle.json());
        first.then().statusCode(201);
        UUID referralId = referralIdOf(first);

        given().auth().oauth2(Tokens.referralSource()).contentType(FHIR_JSON).header("Prefer", "return=minimal")
                .body(bundle.json()).post("/fhir/Bundle")
                .then().statusCode(201)
                .header("Location", is(first.header("Location")))
                .body(emptyString());
        post(bundle.json()).then().statusCode(201).header("Location", is(first.header("Location")))
                .body("issue[0].diagnostics", startsWith("This document was received before"));

        assertThat(count("select count(*) from referral where zorgdomein_number = ?1", bundle.zdNumber)).isEqualTo(1);
        assertThat(count("select count(*) from outbox_message where event_type = ?1 and message_key = ?2",
                EventType.REFERRAL_RECEIVED.wireName(), referralId.toString())).isEqualTo(1);
        assertThat(TestKafka.events(EventType.REFERRAL_RECEIVED, referralId.toString(), SETTLE)).hasSize(1);
    }

    @Test
    void aReusedBundleIdWithOtherContentIsAConflictAndTheFirstDocumentStays() {
        ZorgDomeinBundle bundle = ZorgDomeinBundle.create();
        Response first = post(bundle.json());
        first.then().statusCode(201);
        ObjectNode changed = bundle.node();
        first(changed.withArray("entry").get(1).with("resource").withArray("telecom")).put("value", "0699999999");

        assertOutcome(post(ZorgDomeinBundle.write(changed)), 409, "conflict", "Bundle.id");
        assertThat(single("select content, referral_id from received_document where bundle_id = ?1",
                bundle.bundleId)[0]).isEqualTo(bundle.json());
        assertThat(count("select count(*) from referral where zorgdomein_number = ?1", bundle.zdNumber)).isEqualTo(1);
    }

    @Test
    void aSecondAppointmentRequestWithTheSameZdNumberIsADuplicateAndStoresNothing() {
        ZorgDomeinBundle bundle = ZorgDomeinBundle.create();
        post(bundle.json()).then().statusCode(201);
        ObjectNode again = bundle.node();
        String otherBundleId = UUID.randomUUID().toString();
        again.put("id", otherBundleId);

        assertOutcome(post(ZorgDomeinBundle.write(again)), 409, "duplicate", "Composition.identifier");
        assertThat(count("select count(*) from received_document where bundle_id = ?1", otherBundleId)).isZero();
        assertThat(count("select count(*) from referral where zorgdomein_number = ?1", bundle.zdNumber)).isEqualTo(1);
    }

    @Test
    void thePatientIdIsStablePerBsn() {
        String bsn = ZorgDomeinBundle.validBsn();
        UUID first = referralIdOf(post(ZorgDomeinBundle.forBsn(bsn).json()).then().statusCode(201).extract().response());
        UUID second = referralIdOf(post(ZorgDomeinBundle.forBsn(bsn).json()).then().statusCode(201).extract().response());
        assertThat(first).isNotEqualTo(second);
        Object firstPatient = single("select patient_id, id from referral where id = ?1", first)[0];
        Object secondPatient = single("select patient_id, id from referral where id = ?1", second)[0];
        assertThat(firstPatient).isEqualTo(secondPatient);
        assertThat(count("select count(*) from patient where bsn = ?1", bsn)).isEqualTo(1);
    }

    @Test
    void plainApplicationJsonIsAcceptedToo() {
        given().auth().oauth2(Tokens.referralSource()).contentType("application/json")
                .body(ZorgDomeinBundle.create().json()).post("/fhir/Bundle")
                .then().statusCode(201).header("Location", matchesPattern(LOCATION));
    }

    // --- the sample documents, JSON and XML --------------------------------------------------------

    @Test
    void theAppointmentRequestSampleIsAcceptedAsJsonAndAsXml() {
        for (String type : List.of(FHIR_JSON, "application/json+fhir", "application/fhir+xml; charset=UTF-8",
                "application/xml+fhir")) {
            Samples.Fresh sample = Samples.fresh(type.contains("xml") ? "appointment-request.xml"
                    : "appointment-request.json");
            Response response = given().auth().oauth2(Tokens.referralSource()).contentType(type)
                    .body(sample.text().getBytes(StandardCharsets.UTF_8)).post("/fhir/Bundle");
            response.then().statusCode(201).contentType(startsWith(FHIR_JSON))
                    .header("Location", matchesPattern(LOCATION))
                    .body("issue[0].code", is("informational"));
            UUID referralId = referralIdOf(response);
            Object[] referral = single("select zorgdomein_number, patient_name, patient_birth_date, referrer_agb,"
                    + " referrer_organisation, requested_product, treating_specialty, treating_hospital"
                    + " from referral where id = ?1", referralId);
            assertThat(referral).as(type).containsExactly(sample.zdNumber(), "Maria van den Berg",
                    java.sql.Date.valueOf("1958-09-14").toLocalDate(), "01123456", "Huisartsenpraktijk Het Anker",
                    "SECOND_OPINION", "cardiology", "Ziekenhuis Noorderhaven");
            assertThat(single("select content, referral_id from received_document where bundle_id = ?1",
                    sample.bundleId())[0]).as("kept verbatim").isEqualTo(sample.text());
            assertThat(count("select count(*) from patient where bsn = ?1", sample.bsn())).isEqualTo(1);
        }
    }

    @Test
    void anXmlDocumentIsAnsweredInFhirJsonWhateverTheAcceptHeader() {
        Samples.Fresh sample = Samples.fresh("appointment-request.xml");
        given().auth().oauth2(Tokens.referralSource()).contentType("application/fhir+xml")
                .accept("application/fhir+xml").body(sample.text().getBytes(StandardCharsets.UTF_8)).post("/fhir/Bundle")
                .then().statusCode(201).contentType(startsWith(FHIR_JSON)).header("Location", matchesPattern(LOCATION));
        given().auth().oauth2(Tokens.referralSource()).contentType("application/fhir+xml")
                .accept("application/fhir+xml").header("Prefer", "return=minimal").body(sample.text().getBytes(StandardCharsets.UTF_8))
                .post("/fhir/Bundle").then().statusCode(201).body(emptyString());
        assertThat(count("select count(*) from referral where zorgdomein_number = ?1", sample.zdNumber())).isEqualTo(1);
    }

    @Test
    void unreadableXmlIs400WithTheLine() {
        Samples.Fresh sample = Samples.fresh("appointment-request.xml");
        Response response = given().auth().oauth2(Tokens.referralSource()).contentType("application/fhir+xml")
                .body(sample.text().replace("</Bundle>", "").getBytes(StandardCharsets.UTF_8)).post("/fhir/Bundle");
        assertOutcome(response, 400, "structure", null);
        response.then().body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("line "));
        given().auth().oauth2(Tokens.referralSource()).contentType("application/fhir+xml")
                .body(sample.text().replace("<gender value=\"female\"/>", "<gender value=\"vrouw\"/>")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/fhir/Bundle").then().statusCode(400).body("issue[0].expression", hasItem("Patient.gender"));
        assertNothingStored(sample.bundleId(), sample.zdNumber());
    }

    // --- rejected documents: an OperationOutcome that says what to fix, and nothing stored ---------

    @Test
    void unreadableBodiesAre400() {
        assertOutcome(post("{\"resourceType\": \"Bundle\", "), 400, "structure", null);
        assertOutcome(post("[]"), 400, "structure", null);
        assertOutcome(post(""), 400, "structure", null);
    }

    @Test
    void bundlesOfTheWrongShapeAre400AndStoreNothing() {
        rejected(b -> b.put("resourceType", "Patient"), 400, "invalid", "Bundle.resourceType");
        rejected(b -> b.remove("id"), 400, "required", "Bundle.id");
        rejected(b -> b.put("type", "collection"), 400, "invalid", "Bundle.type");
        rejected(b -> b.withArray("entry").remove(0), 400, "structure", "Bundle.entry[0].resource");
        rejected(b -> composition(b).with("identifier").put("value", "ZD123"), 400, "invalid", "Composition.identifier");
        rejected(b -> composition(b).remove("identifier"), 400, "required", "Composition.identifier");
        rejected(b -> composition(b).with("subject").put("reference", "urn:uuid:" + UUID.randomUUID()), 400,
                "structure", "Composition.subject");
        rejected(b -> resource(b, 1).remove("identifier"), 400, "required", "Patient.identifier");
        rejected(b -> resource(b, 1).put("gender", "x"), 400, "invalid", "Patient.gender");
        rejected(b -> resource(b, 1).put("birthDate", "02-04-1961"), 400, "invalid", "Patient.birthDate");
        rejected(b -> resource(b, 1).remove("name"), 400, "required", "Patient.name");
        rejected(b -> resource(b, 2).remove("identifier"), 400, "required", "Practitioner.identifier");
        rejected(b -> resource(b, 5).remove("specialty"), 400, "required", "ReferralRequest.specialty");
        rejected(b -> resource(b, 5).remove("serviceRequested"), 400, "required", "ReferralRequest.serviceRequested");
    }

    @Test
    void wellFormedButUnacceptableDocumentsAre422AndStoreNothing() {
        rejected(b -> first(resource(b, 1).withArray("identifier")).put("value", "123456789"), 422, "value",
                "Patient.identifier");
        rejected(b -> first(resource(b, 1).withArray("identifier")).put("value", "000000000"), 422, "value",
                "Patient.identifier");
        rejected(b -> first(resource(b, 2).withArray("identifier")).put("value", "1234"), 422, "value",
                "Practitioner.identifier");
        rejected(b -> first(composition(b).with("type").withArray("coding")).put("code", "discharge-letter"), 422,
                "not-supported", "Composition.type");
        rejected(b -> first(first(resource(b, 5).withArray("serviceRequested")).withArray("coding"))
                .put("code", "PHYSIOTHERAPY"), 422, "not-supported", "ReferralRequest.serviceRequested");
    }

    @Test
    void otherMediaTypesAre415AsOperationOutcome() {
        ZorgDomeinBundle bundle = ZorgDomeinBundle.create();
        for (String type : List.of("text/plain", "application/xml", "application/octet-stream")) {
            Response response = given().auth().oauth2(Tokens.referralSource()).contentType(type)
                    .body(bundle.json().getBytes(StandardCharsets.UTF_8)).post("/fhir/Bundle");
            assertOutcome(response, 415, "not-supported", null);
        }
        assertNothingStored(bundle.bundleId, bundle.zdNumber);
    }

    @Test
    void onlyTheReferralSourceMayPost() {
        ZorgDomeinBundle bundle = ZorgDomeinBundle.create();
        given().contentType(FHIR_JSON).body(bundle.json()).post("/fhir/Bundle")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.signedByAnotherKey("service-account-zorgdomein", "referral-source"))
                .contentType(FHIR_JSON).body(bundle.json()).post("/fhir/Bundle").then().statusCode(401);
        given().auth().oauth2(Tokens.expired("service-account-zorgdomein", "referral-source"))
                .contentType(FHIR_JSON).body(bundle.json()).post("/fhir/Bundle").then().statusCode(401);
        given().auth().oauth2(Tokens.gp(ZorgDomeinBundle.GP_AGB)).contentType(FHIR_JSON).body(bundle.json())
                .post("/fhir/Bundle")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:forbidden"));
        given().auth().oauth2(Tokens.coordinator()).contentType(FHIR_JSON).body(bundle.json())
                .post("/fhir/Bundle").then().statusCode(403);
        assertNothingStored(bundle.bundleId, bundle.zdNumber);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void rejected(Consumer<ObjectNode> breakIt, int status, String code, String expression) {
        ZorgDomeinBundle bundle = ZorgDomeinBundle.create();
        ObjectNode node = bundle.node();
        breakIt.accept(node);
        assertOutcome(post(ZorgDomeinBundle.write(node)), status, code, expression);
        assertNothingStored(bundle.bundleId, bundle.zdNumber);
    }

    static void assertOutcome(Response response, int status, String code, String expression) {
        var then = response.then().statusCode(status)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", is("OperationOutcome"))
                .body("issue[0].severity", is("error"))
                .body("issue[0].code", is(code))
                .body("issue[0].diagnostics", matchesPattern(".{10,}"));
        if (expression != null) {
            then.body("issue[0].expression", hasItem(expression));
        }
        assertThat(response.header("Location")).isNull();
    }

    private void assertNothingStored(String bundleId, String zdNumber) {
        assertThat(count("select count(*) from received_document where bundle_id = ?1", bundleId)).isZero();
        assertThat(count("select count(*) from referral where zorgdomein_number = ?1", zdNumber)).isZero();
        assertThat(count("select count(*) from outbox_message where payload like ?1", "%" + zdNumber + "%")).isZero();
    }

    private static ObjectNode first(com.fasterxml.jackson.databind.node.ArrayNode array) {
        return (ObjectNode) array.get(0);
    }

    private static ObjectNode composition(ObjectNode bundle) {
        return resource(bundle, 0);
    }

    private static ObjectNode resource(ObjectNode bundle, int entry) {
        return (ObjectNode) bundle.withArray("entry").get(entry).get("resource");
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private Object[] single(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult());
    }
}
