package nl.consilium.gateway.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The gateway with ZorgDomein tokens required on {@code /fhir/*}: the current key as a public-key PEM
 * value (kid {@code zd-current}), the rotated key as a certificate file (no kid needed), two issuers.
 */
public class ZorgDomeinTokenProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String prefix = "consilium.referral-gateway.zorgdomein.";
        return Map.of(
                prefix + "enabled", "true",
                prefix + "issuers", TestTokens.ISSUER + "," + TestTokens.SECOND_ISSUER,
                prefix + "trusted-keys.zd-current.pem", SecurityTestMaterial.read("zd-current.pub"),
                prefix + "trusted-keys.zd-rotated.file", SecurityTestMaterial.file("zd-rotated.crt").toString(),
                prefix + "clock-skew", "PT5M",
                prefix + "max-token-age", "PT10M");
    }
}
