package nl.consilium.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.EventCodec;
import nl.consilium.events.Topics;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import nl.consilium.testing.TestKafka;
import org.junit.jupiter.api.Test;

/** The coordinator's view of a referral, its audit trail, and the service's endpoints for operations. */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ConsiliumTestInfrastructure.SERVICE, value = "referral-gateway"))
class ReferralApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    private static UUID receive(ZorgDomeinBundle bundle) {
        return BundleIngestionTest.referralIdOf(BundleIngestionTest.post(bundle.json())
                .then().statusCode(201).extract().response());
    }

    @Test
    void theCoordinatorReadsTheReferralWithoutTheBsn() {
        ZorgDomeinBundle bundle = ZorgDomeinBundle.create();
        UUID referralId = receive(bundle);

        String body = given().auth().oauth2(Tokens.coordinator()).get("/api/referrals/{id}", referralId)
                .then().statusCode(200).contentType("application/json")
                .body("referralId", is(referralId.toString()))
                .body("zorgDomeinNumber", is(bundle.zdNumber))
                .body("receivedAt", notNullValue())
                .body("patient.patientId", notNullValue())
                .body("patient.name", is(ZorgDomeinBundle.PATIENT_NAME))
                .body("patient.birthDate", is(ZorgDomeinBundle.BIRTH_DATE.toString()))
                .body("patient.gender", is("female"))
                .body("patient.phone", is(ZorgDomeinBundle.PHONE))
                .body("patient.email", is(ZorgDomeinBundle.EMAIL))
                .body("referrer.agb", is(ZorgDomeinBundle.GP_AGB))
                .body("referrer.name", is(ZorgDomeinBundle.GP_NAME))
                .body("referrer.organisation", is(ZorgDomeinBundle.PRACTICE))
                .body("requestedProduct", is("SECOND_OPINION"))
                .body("treatingSpecialty", is("cardiology"))
                .body("treatingHospital", is(ZorgDomeinBundle.HOSPITAL))
                .extract().asString();
        assertThat(body).doesNotContain(bundle.bsn).doesNotContainIgnoringCase("bsn");
    }

    @Test
    void receivingAndReadingAreAuditedAndPublished() {
        ZorgDomeinBundle bundle = ZorgDomeinBundle.create();
        UUID referralId = receive(bundle);
        given().auth().oauth2(Tokens.coordinator()).get("/api/referrals/{id}", referralId).then().statusCode(200);

        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action, user_subject, user_roles, outcome, client_address, resource, patient_id"
                                + " from audit_log where referral_id = ?1 order by occurred_at")
                .setParameter(1, referralId).getResultList());
        assertThat(rows).extracting(r -> r[0]).containsExactly("referral.create", "referral.read");
        assertThat(rows.get(0)[1]).isEqualTo("service-account-zorgdomein");
        assertThat((String) rows.get(0)[2]).contains("referral-source");
        assertThat(rows.get(1)[1]).isEqualTo("coordinator");
        assertThat((String) rows.get(1)[2]).contains("coordinator");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r[3]).isEqualTo("SUCCESS");
            assertThat(r[4]).isNotNull();
            assertThat(r[5]).isEqualTo("referral/" + referralId);
        });
        UUID patientId = (UUID) rows.get(0)[6];

        var audits = TestKafka.awaitRecords(Topics.AUDIT, r -> r.key().equals(patientId.toString())
                && r.value().contains(referralId.toString()), 2, WAIT);
        assertThat(audits).extracting(r -> EventCodec.decode(r.value()).orElseThrow().dataAs(AuditRecorded.class)
                .action()).containsExactly("referral.create", "referral.read");
    }

    @Test
    void onlyCoordinatorsAndNursesReadReferrals() {
        UUID referralId = receive(ZorgDomeinBundle.create());
        given().auth().oauth2(Tokens.gp(ZorgDomeinBundle.GP_AGB)).get("/api/referrals/{id}", referralId)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:forbidden"));
        given().auth().oauth2(Tokens.specialist("03111111", "cardiology")).get("/api/referrals/{id}", referralId)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.referralSource()).get("/api/referrals/{id}", referralId).then().statusCode(403);
        given().get("/api/referrals/{id}", referralId).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.signedByAnotherKey("coordinator", "coordinator"))
                .get("/api/referrals/{id}", referralId).then().statusCode(401);

        long reads = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from audit_log where referral_id = ?1 and action = 'referral.read'")
                .setParameter(1, referralId).getSingleResult()).longValue());
        assertThat(reads).isZero();
    }

    @Test
    void unknownReferralsAreNotFound() {
        given().auth().oauth2(Tokens.coordinator()).get("/api/referrals/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:not-found"));
        given().auth().oauth2(Tokens.coordinator()).get("/api/referrals/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/fhir/Bundle'.post", notNullValue())
                .body("paths.'/api/referrals/{referralId}'.get", notNullValue());
        given().get("/q/metrics").then().statusCode(200);
    }
}
