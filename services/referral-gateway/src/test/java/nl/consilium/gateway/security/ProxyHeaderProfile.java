package nl.consilium.gateway.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The gateway behind an ingress that terminates mutual TLS: the verified client certificate arrives in
 * {@code X-SSL-Client-Cert}, trusted from the loopback addresses (where the test's requests come from),
 * and only ZorgDomein's test client certificate subject and the PKIoverheid-like one are allowed.
 */
public class ProxyHeaderProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "consilium.referral-gateway.zorgdomein.client-certificate", "proxy-header",
                "consilium.referral-gateway.zorgdomein.proxy.trusted-addresses", "127.0.0.0/8,::1/128",
                "consilium.referral-gateway.zorgdomein.allowed-subjects", MutualTlsProfile.allowedSubjects());
    }

    /** The same, with an ingress elsewhere: the test's requests do not come from a trusted proxy. */
    public static class UntrustedAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "consilium.referral-gateway.zorgdomein.client-certificate", "proxy-header",
                    "consilium.referral-gateway.zorgdomein.proxy.trusted-addresses", "10.0.0.0/8,fd00::/8");
        }
    }
}
