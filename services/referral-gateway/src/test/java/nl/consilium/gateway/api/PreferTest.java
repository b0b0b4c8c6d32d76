package nl.consilium.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import nl.consilium.gateway.Samples;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/** {@code Prefer: return=...} on POST /fhir/Bundle over HTTP. */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ConsiliumTestInfrastructure.SERVICE, value = "referral-gateway"))
class PreferTest {

    private static final String LOCATION = "/api/referrals/[0-9a-f-]{36}";

    @Inject
    EntityManager entityManager;

    static Response post(Samples.Fresh document, String contentType, String prefer) {
        var request = given().auth().oauth2(Tokens.referralSource()).contentType(contentType).body(document.bytes());
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return request.post("/fhir/Bundle");
    }

    @Test
    void returnMinimalAnswersAnEmptyBody() {
        Samples.Fresh document = Samples.fresh("appointment-request.json");
        post(document, "application/fhir+json", "return=minimal").then().statusCode(201)
                .header("Location", matchesPattern(LOCATION)).body(emptyString());
        assertThat(storedContent(document.bundleId())).isEqualTo(document.text());
    }

    @Test
    void returnRepresentationAnswersTheStoredBundleInTheRequestsFormat() {
        Samples.Fresh json = Samples.fresh("appointment-request.json");
        Response response = post(json, "application/fhir+json", "return=representation");
        response.then().statusCode(201).header("Location", matchesPattern(LOCATION))
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", is("Bundle")).body("id", is(json.bundleId()));
        assertThat(response.asByteArray()).isEqualTo(json.bytes());
        assertThat(storedContent(json.bundleId())).isEqualTo(new String(response.asByteArray(), StandardCharsets.UTF_8));

        Samples.Fresh xml = Samples.fresh("appointment-request.xml");
        Response xmlResponse = post(xml, "application/fhir+xml", "handling=strict, return=representation");
        xmlResponse.then().statusCode(201).header("Location", matchesPattern(LOCATION))
                .contentType(startsWith("application/fhir+xml"));
        assertThat(xmlResponse.asByteArray()).isEqualTo(xml.bytes());
        assertThat(storedContent(xml.bundleId())).isEqualTo(xml.text());

        // A re-delivery answers the same stored Bundle and the same Location.
        Response again = post(json, "application/fhir+json", "return=representation");
        again.then().statusCode(201).header("Location", is(response.header("Location")));
        assertThat(again.asByteArray()).isEqualTo(json.bytes());
    }

    @Test
    void returnOperationOutcomeIsTheDefault() {
        for (String prefer : new String[] {"return=OperationOutcome", null, "respond-async"}) {
            Samples.Fresh document = Samples.fresh("appointment-request.json");
            post(document, "application/fhir+json", prefer).then().statusCode(201)
                    .header("Location", matchesPattern(LOCATION))
                    .contentType(startsWith("application/fhir+json"))
                    .body("resourceType", is("OperationOutcome"))
                    .body("issue[0].severity", is("information"))
                    .body("issue[0].code", is("informational"))
                    .body("issue[0].diagnostics", is("The appointment-request document was accepted"));
        }
    }

    private String storedContent(String bundleId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select content from received_document where bundle_id = ?1")
                .setParameter(1, bundleId).getSingleResult());
    }
}
