package nl.consilium.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import org.junit.jupiter.api.Test;

/** A verified-certificate header from an address that is not a configured proxy counts for nothing. */
@QuarkusTest
@TestProfile(ProxyHeaderProfile.UntrustedAddress.class)
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ConsiliumTestInfrastructure.SERVICE, value = "referral-gateway"))
class UntrustedProxyTest {

    @Test
    void theHeaderFromAnUntrustedAddressIs403() {
        try (LogCapture log = LogCapture.of(ClientCertificateFilter.class)) {
            refused();
            assertThat(log.messages()).singleElement().asString()
                    .startsWith("ZorgDomein channel: /fhir/* request refused (PROXY_HEADER): untrusted proxy address "
                            + "[peer ")
                    .doesNotContain("zorgdomein-test-client");
        }
    }

    private static void refused() {
        ProxyHeaderTest.fhir()
                .header("X-SSL-Client-Cert", ProxyHeaderTest.nginxEscaped(SecurityTestMaterial.read("client-trusted.crt")))
                .header("ssl-client-verify", "SUCCESS")
                .post("/fhir/Bundle")
                .then().statusCode(403)
                .body("resourceType", is("OperationOutcome"))
                .body("issue[0].code", is("forbidden"))
                .body("issue[0].diagnostics", containsString("did not come through a trusted proxy"));
    }
}
