package nl.consilium.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
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
    void aPkioverheidCertificateIsComparedByItsOrganizationIdentifier() {
        accepted(fhir().header("X-SSL-Client-Cert", nginxEscaped(SecurityTestMaterial.read("client-pkio.crt")))
                .header("ssl-client-verify", "SUCCESS").post("/fhir/Bundle").then());
        forbidden(fhir().header("X-SSL-Client-Cert", nginxEscaped(SecurityTestMaterial.read("client-pkio-other.crt")))
                .header("ssl-client-verify", "SUCCESS").post("/fhir/Bundle").then(), "subject is not one allowed");
        // nginx's $ssl_client_s_dn (RFC 2253; the attribute named as OpenSSL knows it)
        accepted(fhir().header("ssl-client-verify", "SUCCESS")
                .header("ssl-client-subject-dn",
                        "CN=zorgdomein.nl,organizationIdentifier=NTRNL-12345678,O=ZorgDomein B.V.,C=NL")
                .post("/fhir/Bundle").then());
        forbidden(fhir().header("ssl-client-verify", "SUCCESS")
                .header("ssl-client-subject-dn",
                        "CN=zorgdomein.nl,organizationIdentifier=NTRNL-87654321,O=ZorgDomein B.V.,C=NL")
                .post("/fhir/Bundle").then(), "subject is not one allowed");
        forbidden(fhir().header("ssl-client-verify", "SUCCESS").header("ssl-client-subject-dn", "/C=NL/CN=x")
                .post("/fhir/Bundle").then(), "no readable subject DN");
    }

    @Test
    void everyRefusalIsLoggedWithItsReasonButNeverTheSubject() throws Exception {
        try (LogCapture log = LogCapture.of(ClientCertificateFilter.class)) {
            fhir().post("/fhir/Bundle").then().statusCode(403);
            fhir().header("ssl-client-verify", "FAILED:certificate has expired").post("/fhir/Bundle")
                    .then().statusCode(403);
            fhir().header("X-SSL-Client-Cert", "garbage%%").post("/fhir/Bundle").then().statusCode(403);
            fhir().header("X-SSL-Client-Cert", nginxEscaped(SecurityTestMaterial.read("client-pkio-other.crt")))
                    .post("/fhir/Bundle").then().statusCode(403);
            fhir().header("ssl-client-verify", "SUCCESS")
                    .header("ssl-client-subject-dn", SecurityTestMaterial.UNTRUSTED_CLIENT_DN)
                    .post("/fhir/Bundle").then().statusCode(403);
            fhir().header("ssl-client-verify", "SUCCESS").header("ssl-client-subject-dn", "/C=NL/CN=x")
                    .post("/fhir/Bundle").then().statusCode(403);

            assertThat(log.lines()).allMatch(LogCapture.Line::info);
            assertThat(log.messages()).hasSize(6).containsExactly(
                    "ZorgDomein channel: /fhir/* request refused (PROXY_HEADER): no client certificate "
                            + "[no ssl-client-verify]",
                    "ZorgDomein channel: /fhir/* request refused (PROXY_HEADER): verify header not SUCCESS "
                            + "[ssl-client-verify: FAILED:certificate has expired]",
                    "ZorgDomein channel: /fhir/* request refused (PROXY_HEADER): unreadable certificate header",
                    "ZorgDomein channel: /fhir/* request refused (PROXY_HEADER): subject not allowed "
                            + "[certificate SHA-256 " + MutualTlsTest.fingerprint("client-pkio-other.crt") + "...]",
                    "ZorgDomein channel: /fhir/* request refused (PROXY_HEADER): subject not allowed "
                            + "[subject header only, no certificate]",
                    "ZorgDomein channel: /fhir/* request refused (PROXY_HEADER): unreadable subject header");
        }
    }

    @Test
    void theCapabilityStatementAnnouncesTheClientCertificateButNoZorgDomeinToken() {
        given().get("/fhir/metadata").then().statusCode(200)
                .body("rest[0].security.service.coding.flatten().code", hasItems("OAuth", "Certificates"))
                .body("rest[0].security.description", containsString("mutual TLS"))
                .body("rest[0].security.description", containsString("role referral-source"))
                .body("rest[0].security.description", not(containsString("RS256")));
    }

    @Test
    void otherPathsNeedNoCertificate() {
        given().auth().oauth2(Tokens.coordinator()).get("/api/referrals/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
