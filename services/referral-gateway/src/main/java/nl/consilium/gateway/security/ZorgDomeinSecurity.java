package nl.consilium.gateway.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The configured ZorgDomein channel security: the token verifier (built once, at start, so that a
 * wrong key or a missing issuer stops the start rather than the first referral).
 */
@ApplicationScoped
public class ZorgDomeinSecurity {

    private static final Logger LOG = Logger.getLogger(ZorgDomeinSecurity.class);

    @Inject
    ZorgDomeinSecurityConfig config;

    @Inject
    JtiReplayGuard replayGuard;

    @Inject
    Clock clock;

    private volatile ZorgDomeinTokenVerifier verifier;

    void onStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            verifier();
        }
        if (config.clientCertificate() != ZorgDomeinSecurityConfig.ClientCertificateMode.NONE) {
            LOG.infof("ZorgDomein channel: /fhir/* requires a client certificate (%s), %s",
                    config.clientCertificate(), config.allowedSubjects().filter(s -> !s.isEmpty())
                            .map(s -> s.size() + " allowed subject(s)").orElse("any subject"));
        }
    }

    public ZorgDomeinSecurityConfig config() {
        return config;
    }

    /** The verifier; fails when the mechanism is enabled without issuers or keys. */
    public ZorgDomeinTokenVerifier verifier() {
        ZorgDomeinTokenVerifier current = verifier;
        if (current == null) {
            synchronized (this) {
                if (verifier == null) {
                    verifier = build();
                }
                current = verifier;
            }
        }
        return current;
    }

    private ZorgDomeinTokenVerifier build() {
        Set<String> issuers = config.issuers().orElse(Set.of());
        if (issuers.isEmpty()) {
            throw new IllegalStateException("consilium.referral-gateway.zorgdomein.enabled=true needs "
                    + "consilium.referral-gateway.zorgdomein.issuers");
        }
        TrustedKeys keys = TrustedKeys.from(config.trustedKeys());
        if (keys.all().isEmpty()) {
            throw new IllegalStateException("consilium.referral-gateway.zorgdomein.enabled=true needs at least one "
                    + "consilium.referral-gateway.zorgdomein.trusted-keys.<name>.pem or .file");
        }
        LOG.infof("ZorgDomein tokens: %d trusted key(s) %s, %d issuer(s), clock skew %s, max age %s",
                keys.all().size(), keys.all().stream().map(TrustedKeys.Key::name).toList(), issuers.size(),
                config.clockSkew(), config.maxTokenAge());
        return new ZorgDomeinTokenVerifier(issuers, config.audiences(), keys, config.clockSkew(),
                config.maxTokenAge(), replayGuard, clock);
    }
}
