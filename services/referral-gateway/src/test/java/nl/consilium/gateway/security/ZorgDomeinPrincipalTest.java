package nl.consilium.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** ZorgDomein's token claims in the shapes the platform's CurrentUser reads (as from smallrye-jwt). */
class ZorgDomeinPrincipalTest {

    private static ZorgDomeinPrincipal principal(JwtClaims claims) throws Exception {
        return new ZorgDomeinPrincipal(new VerifiedToken(claims.getIssuer(), Optional.ofNullable(claims.getSubject()),
                claims.getJwtId(), Instant.now(), Instant.now(), "zd-current", "raw", claims));
    }

    @Test
    void objectAndArrayClaimsAreJakartaJsonValues() throws Exception {
        JwtClaims claims = TestTokens.claims();
        claims.setClaim("act", Map.of("sub", "uzi:900012345", "act", Map.of("sub", "zorgdomein")));
        claims.setStringListClaim("amr", List.of("mtls", "pwd"));
        claims.setAudience("consilium", "other");
        ZorgDomeinPrincipal principal = principal(claims);

        assertThat((Object) principal.getClaim("act")).isInstanceOfSatisfying(JsonObject.class, act -> {
            assertThat(act.getString("sub")).isEqualTo("uzi:900012345");
            assertThat(act.getJsonObject("act").getString("sub")).isEqualTo("zorgdomein");
        });
        assertThat((Object) principal.getClaim("amr")).isInstanceOfSatisfying(JsonArray.class,
                amr -> assertThat(amr.getString(1)).isEqualTo("pwd"));
        assertThat(principal.getAudience()).isEqualTo(Set.of("consilium", "other"));
        assertThat(principal.getGroups()).containsExactly(ZorgDomeinIdentityProvider.ROLE);
        assertThat(principal.getSubject()).isEqualTo(TestTokens.SUBJECT);
        assertThat(principal.getName()).isEqualTo(TestTokens.SUBJECT);
        assertThat(principal.getIssuedAtTime()).isPositive();
        assertThat((Object) principal.getClaim("missing")).isNull();
    }

    @Test
    void withoutSubTheCallerIsTheIssuer() throws Exception {
        JwtClaims claims = TestTokens.claims();
        claims.unsetClaim("sub");
        assertThat(principal(claims).getName()).isEqualTo(TestTokens.ISSUER);
        assertThat(principal(claims).getSubject()).isNull();
    }
}
