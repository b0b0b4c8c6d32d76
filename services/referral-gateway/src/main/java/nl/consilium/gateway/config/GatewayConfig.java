package nl.consilium.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** What the gateway accepts from ZorgDomein (CONSILIUM_REFERRAL_GATEWAY_...). */
@ConfigMapping(prefix = "consilium.referral-gateway")
public interface GatewayConfig {

    /** The ZorgDomein product codes ({@code ReferralRequest.serviceRequested}) this platform offers. */
    @WithDefault("SECOND_OPINION")
    Set<String> supportedProducts();

    /**
     * The largest document {@code POST /fhir/Bundle} takes (e.g. {@code 20M}); larger ones are answered 413.
     * {@code quarkus.http.limits.max-body-size} must lie above it, or Vert.x answers first, without a body.
     */
    @WithDefault("20M")
    MemorySize maxDocumentSize();
}
