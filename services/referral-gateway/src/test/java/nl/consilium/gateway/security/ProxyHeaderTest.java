package nl.consilium.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The gateway behind an ingress that terminated mutual TLS: the client certificate the ingress
 * verified arrives in {@code X-SSL-Client-Cert} from a trusted (loopback) address.
 */
@QuarkusTest
@TestProfile(ProxyHeaderProfile.class)
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ConsiliumTestInfrastructure.SERVICE, value = "referral-gateway"))
class ProxyHeaderTest {

    static RequestSpecification fhir() {
        return given().auth().oauth2(Tokens.referralSource()).contentType("application/fhir+json")
                .body(ZorgDomeinTokenTest.NOT_A_REFERRAL);
    }

    /** Percent-encoding as nginx's {@code $ssl_client_escaped_cert} does it (spaces as %20). */
    static String nginxEscaped(String pem) {
        return URLEncoder.encode(pem, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void accepted(ValidatableResponse response) {
        response.statusCode(400).contentType(startsWith("application/fhir+json"))
                .body("resourceType", is("OperationOutcome"))
                .body("issue[0].code", not(is("forbidden")));
    }

    static void forbidden(ValidatableResponse response, String diagnostics) {
        response.statusCode(403).contentType(startsWith("application/fhir+json"))
                .body("resourceType", is("OperationOutcome"))
                .body("issue[0].severity", is("error"))
                .body("issue[0].code", is("forbidden"))
                .body("issue[0].diagnostics", containsString(diagnostics));
    }

    @Test
    void aVerifiedCertificateFromTheTrustedIngressIsAccepted() {
        String pem = SecurityTestMaterial.read("client-trusted.crt");
        accepted(fhir().header("X-SSL-Client-Cert", nginxEscaped(pem)).header("ssl-client-verify", "SUCCESS")
                .post("/fhir/Bundle").then());
        // other ingresses: form-encoded (spaces as '+'), or PEM on one line
        accepted(fhir().header("X-SSL-Client-Cert", URLEncoder.encode(pem, StandardCharsets.UTF_8))
                .post("/fhir/Bundle").then());
        accepted(fhir().header("X-SSL-Client-Cert", pem.replace("\n", " ")).post("/fhir/Bundle").then());
    }

    @Test
    void aVerifiedSubjectWithoutTheCertificateIsAccepted() {
        accepted(fhir().header("ssl-client-verify", "SUCCESS")
                .header("ssl-client-subject-dn", SecurityTestMaterial.TRUSTED_CLIENT_DN)
                .post("/fhir/Bundle").then());
    }

    @Test
    void withoutAVerifiedCertificateItIs403() {
        forbidden(fhir().post("/fhir/Bundle").then(), "No verified client certificate");
        forbidden(fhir().header("ssl-client-verify", "FAILED:unable to verify the first certificate")
                .header("X-SSL-Client-Cert", nginxEscaped(SecurityTestMaterial.read("client-trusted.crt")))
                .post("/fhir/Bundle").then(), "did not verify the client certificate");
        forbidden(fhir().header("X-SSL-Client-Cert", "garbage%%").post("/fhir/Bundle").then(),
                "no readable client certificate");
    }

    @Test
    void aCertificateWithAnotherSubjectIs403() {
        forbidden(fhir().header("X-SSL-Client-Cert", nginxEscaped(SecurityTestMaterial.read("client-other.crt")))
                .post("/fhir/Bundle").then(), "subject is not one allowed");
        forbidden(fhir().header("ssl-client-verify", "SUCCESS")
                .header("ssl-client-subject-dn", "CN=someone-else,O=Rogue,C=NL")
                .post("/fhir/Bundle").then(), "subject is not one allowed");
    }

    @Test
    void otherPathsNeedNoCertificate() {
        given().auth().oauth2(Tokens.coordinator()).get("/api/referrals/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
