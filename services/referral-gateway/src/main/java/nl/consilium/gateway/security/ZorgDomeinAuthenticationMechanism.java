package nl.consilium.gateway.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * When {@code consilium.referral-gateway.zorgdomein.enabled}, authenticates every {@code /fhir/*}
 * request by ZorgDomein's bearer token (and by nothing else: Keycloak tokens are refused there). Its
 * priority is above quarkus-oidc's, which keeps authenticating every other path, and {@code /fhir/*}
 * when this mechanism is disabled.
 */
@ApplicationScoped
public class ZorgDomeinAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Above quarkus-oidc ({@code DEFAULT_PRIORITY + 1}). */
    public static final int PRIORITY = DEFAULT_PRIORITY + 1000;
    /** The routing-context key of the {@link TokenRejected} of a failed authentication. */
    public static final String REJECTION = ZorgDomeinIdentityProvider.REJECTION;

    private static final String BEARER = "bearer ";

    @Inject
    ZorgDomeinSecurityConfig config;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!config.enabled() || !FhirPaths.isFhir(context)) {
            return Uni.createFrom().nullItem();
        }
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        String token = authorization != null && authorization.length() > BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : null;
        if (token == null || token.isEmpty()) {
            TokenRejected missing = new TokenRejected(TokenRejected.Reason.MISSING_TOKEN, authorization == null
                    ? "Send ZorgDomein's RS256-signed JWT as 'Authorization: Bearer <token>'"
                    : "The Authorization header is not 'Bearer <token>'; send ZorgDomein's RS256-signed JWT");
            context.put(REJECTION, missing);
            ZorgDomeinIdentityProvider.log(missing);
            return Uni.createFrom().failure(ZorgDomeinIdentityProvider.failure(missing));
        }
        ZorgDomeinTokenRequest request = new ZorgDomeinTokenRequest(token);
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request)
                .onFailure().invoke(failure -> {
                    if (failure instanceof io.quarkus.security.AuthenticationFailedException failed
                            && failed.getAttribute(REJECTION) instanceof TokenRejected rejected) {
                        context.put(REJECTION, rejected);
                    }
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ZorgDomeinTokenRequest.class);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
