package nl.consilium.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import nl.consilium.gateway.Samples;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/** 413 over {@code max-document-size}, as an OperationOutcome, storing nothing. */
@QuarkusTest
@TestProfile(SmallDocumentLimitProfile.class)
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ConsiliumTestInfrastructure.SERVICE, value = "referral-gateway"))
class DocumentSizeLimitTest {

    @Inject
    EntityManager entityManager;

    /** The sample padded with whitespace inside the JSON object to {@code size} bytes: valid JSON still. */
    static Samples.Fresh padded(int size) {
        Samples.Fresh document = Samples.fresh("appointment-request.json");
        String text = document.text().strip();
        int pad = size - text.getBytes(StandardCharsets.UTF_8).length;
        String padded = text.substring(0, text.length() - 1) + " ".repeat(Math.max(pad, 0)) + "}";
        return new Samples.Fresh(padded, document.bundleId(), document.zdNumber(), document.bsn());
    }

    static void assertTooLarge(ValidatableResponse response) {
        response.statusCode(413).contentType(startsWith("application/fhir+json"))
                .body("resourceType", is("OperationOutcome"))
                .body("issue[0].severity", is("error"))
                .body("issue[0].code", is("too-costly"))
                .body("issue[0].diagnostics", containsString(SmallDocumentLimitProfile.DOCUMENT_LIMIT + " bytes"));
    }

    @Test
    void aDocumentJustUnderTheLimitIsTaken() {
        Samples.Fresh document = padded(SmallDocumentLimitProfile.DOCUMENT_LIMIT);
        assertThat(document.bytes()).hasSize(SmallDocumentLimitProfile.DOCUMENT_LIMIT);
        given().auth().oauth2(Tokens.referralSource()).contentType("application/fhir+json").body(document.bytes())
                .post("/fhir/Bundle").then().statusCode(201);
        assertThat(stored(document.bundleId())).isOne();
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413AndStoresNothing() {
        Samples.Fresh document = padded(SmallDocumentLimitProfile.DOCUMENT_LIMIT + 1);
        assertTooLarge(given().auth().oauth2(Tokens.referralSource()).contentType("application/fhir+json")
                .body(document.bytes()).post("/fhir/Bundle").then());
        assertThat(stored(document.bundleId())).isZero();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndStoresNothing() {
        Samples.Fresh document = padded(SmallDocumentLimitProfile.DOCUMENT_LIMIT * 2);
        assertTooLarge(given().auth().oauth2(Tokens.referralSource()).contentType("application/fhir+json")
                .body(new ByteArrayInputStream(document.bytes())).post("/fhir/Bundle").then());
        assertThat(stored(document.bundleId())).isZero();
    }

    @Test
    void aBodyOverVertxsOwnLimitIs413AsAnOperationOutcomeToo() {
        Samples.Fresh document = padded(SmallDocumentLimitProfile.VERTX_LIMIT * 2);
        assertTooLarge(given().auth().oauth2(Tokens.referralSource()).contentType("application/fhir+json")
                .body(document.bytes()).post("/fhir/Bundle").then());
        assertThat(stored(document.bundleId())).isZero();
    }

    @Test
    void aChunkedBodyOverVertxsOwnLimitIs413AsAnOperationOutcomeToo() {
        Samples.Fresh document = padded(SmallDocumentLimitProfile.VERTX_LIMIT * 2);
        assertTooLarge(given().auth().oauth2(Tokens.referralSource()).contentType("application/fhir+json")
                .body(new ByteArrayInputStream(document.bytes())).post("/fhir/Bundle").then());
        assertThat(stored(document.bundleId())).isZero();
    }

    private long stored(String bundleId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from received_document where bundle_id = ?1")
                .setParameter(1, bundleId).getSingleResult()).longValue());
    }
}
