package nl.consilium.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import org.junit.jupiter.api.Test;

/** GET /fhir/metadata over HTTP, without any credentials. */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ConsiliumTestInfrastructure.SERVICE, value = "referral-gateway"))
class FhirMetadataTest {

    @Test
    void jsonByDefaultDescribesExactlyWhatIsSupported() {
        given().get("/fhir/metadata").then().statusCode(200)
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", is("CapabilityStatement"))
                .body("status", is("active"))
                .body("kind", is("instance"))
                .body("fhirVersion", is("3.0.2"))
                .body("format", containsInAnyOrder("json", "xml"))
                .body("rest.size()", is(1))
                .body("rest[0].mode", is("server"))
                .body("rest[0].resource.size()", is(1))
                .body("rest[0].resource[0].type", is("Bundle"))
                .body("rest[0].resource[0].interaction.code", contains("create"))
                .body("rest[0].resource[0].documentation", containsString("appointment-request"))
                .body("rest[0].resource[0].documentation", containsString(
                        "http://zorgdomein.nl/terminology/code-system/document-type"))
                .body("rest[0].resource[0].documentation", containsString("20971520 bytes"))
                .body("rest[0].security.service.coding.flatten().code", contains("OAuth"));
    }

    /**
     * The security section says what this configuration requires (the defaults: ZorgDomein's tokens
     * off, no client certificate); ZorgDomeinTokenTest, ProxyHeaderTest and MutualTlsTest check it
     * with the channel switched on.
     */
    @Test
    void theSecuritySectionPromisesOnlyWhatIsConfigured() {
        given().get("/fhir/metadata").then().statusCode(200)
                .body("rest[0].security.service.coding.flatten().code", contains("OAuth"))
                .body("rest[0].security.service.coding.flatten().code", not(hasItems("Certificates")))
                .body("rest[0].security.description", containsString("role referral-source"))
                .body("rest[0].security.description", containsString("ZorgDomein's tokens are not enabled"))
                .body("rest[0].security.description", not(containsString("RS256")))
                .body("rest[0].security.description", not(containsString("mutual TLS")));
    }

    @Test
    void xmlWhenAcceptAsksForIt() {
        for (String accept : new String[] {"application/fhir+xml", "application/xml+fhir", "application/xml"}) {
            String body = given().accept(accept).get("/fhir/metadata").then().statusCode(200)
                    .contentType(startsWith("application/fhir+xml")).extract().asString();
            XmlPath xml = new XmlPath(body);
            assertThat(xml.getString("CapabilityStatement.fhirVersion.@value")).isEqualTo("3.0.2");
            assertThat(xml.getList("CapabilityStatement.format.@value")).containsExactlyInAnyOrder("json", "xml");
            assertThat(xml.getString("CapabilityStatement.rest.mode.@value")).isEqualTo("server");
            assertThat(xml.getString("CapabilityStatement.rest.resource.type.@value")).isEqualTo("Bundle");
            assertThat(xml.getList("CapabilityStatement.rest.resource.interaction.code.@value"))
                    .containsExactly("create");
            assertThat(body).startsWith("<CapabilityStatement xmlns=\"http://hl7.org/fhir\"");
        }
    }

    @Test
    void jsonWhenAcceptPrefersJsonOrFormatSaysSo() {
        given().accept("application/fhir+json, application/fhir+xml;q=0.9").get("/fhir/metadata").then()
                .statusCode(200).contentType(startsWith("application/fhir+json")).body("fhirVersion", is("3.0.2"));
        given().accept("application/fhir+xml").queryParam("_format", "json").get("/fhir/metadata").then()
                .statusCode(200).contentType(startsWith("application/fhir+json"));
        given().queryParam("_format", "xml").get("/fhir/metadata").then()
                .statusCode(200).contentType(startsWith("application/fhir+xml"));
    }
}
