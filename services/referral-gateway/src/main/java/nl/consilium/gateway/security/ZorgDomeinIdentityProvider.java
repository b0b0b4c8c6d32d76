package nl.consilium.gateway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Turns a verified ZorgDomein token into the identity with the role {@code referral-source}. The
 * verification (signature, times, and the {@code jti} claim in PostgreSQL) runs on a worker thread.
 */
@ApplicationScoped
public class ZorgDomeinIdentityProvider implements IdentityProvider<ZorgDomeinTokenRequest> {

    /** The role a ZorgDomein caller gets. */
    public static final String ROLE = "referral-source";
    /** The attribute of the {@link AuthenticationFailedException} that carries the {@link TokenRejected}. */
    public static final String REJECTION = "consilium.zorgdomein.rejection";
    /** Identity attributes: the token id and the name of the key that signed it. */
    public static final String JTI_ATTRIBUTE = "zorgdomein.jti";
    public static final String KEY_ATTRIBUTE = "zorgdomein.key";

    private static final Logger LOG = Logger.getLogger(ZorgDomeinIdentityProvider.class);

    @Inject
    ZorgDomeinSecurity security;

    @Override
    public Class<ZorgDomeinTokenRequest> getRequestType() {
        return ZorgDomeinTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ZorgDomeinTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            try {
                VerifiedToken token = security.verifier().verify(request.token());
                // during a key rotation this shows when the old key is no longer used
                LOG.debugf("ZorgDomein token accepted: signature verified by key %s", token.keyName());
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new ZorgDomeinPrincipal(token))
                        .addRole(ROLE)
                        .addAttribute(JTI_ATTRIBUTE, token.jti())
                        .addAttribute(KEY_ATTRIBUTE, token.keyName())
                        .build();
            } catch (TokenRejected rejected) {
                log(rejected);
                throw failure(rejected);
            }
        });
    }

    /** Every 401 of the ZorgDomein channel is logged here, at INFO: the reason and the key(s) involved. */
    static void log(TokenRejected rejected) {
        LOG.infof("ZorgDomein token rejected: %s (%s)", rejected.reason(), rejected.keys());
    }

    static AuthenticationFailedException failure(TokenRejected rejected) {
        return new AuthenticationFailedException(rejected.diagnostics(), Map.of(REJECTION, rejected));
    }
}
