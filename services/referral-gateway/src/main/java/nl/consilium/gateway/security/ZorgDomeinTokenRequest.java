package nl.consilium.gateway.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The bearer token from a {@code /fhir/*} request, for {@link ZorgDomeinIdentityProvider}. */
public final class ZorgDomeinTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public ZorgDomeinTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
