package nl.consilium.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** What the gateway accepts from ZorgDomein (CONSILIUM_REFERRAL_GATEWAY_...). */
@ConfigMapping(prefix = "consilium.referral-gateway")
public interface GatewayConfig {

    /** The ZorgDomein product codes ({@code ReferralRequest.serviceRequested}) this platform offers. */
    @WithDefault("SECOND_OPINION")
    Set<String> supportedProducts();
}
