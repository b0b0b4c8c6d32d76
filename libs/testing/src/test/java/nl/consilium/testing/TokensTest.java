package nl.consilium.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class TokensTest {

    /** Verifies like a resource server: RS256 only, the test public key, issuer, expiry, no leeway. */
    private static final JwtConsumer VERIFIER = new JwtConsumerBuilder()
            .setVerificationKey(Tokens.publicKey())
            .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256))
            .setExpectedIssuer("https://consilium.test/realms/consilium")
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setRequireSubject()
            .setRequireJwtId()
            .setAllowedClockSkewInSeconds(0)
            .build();

    @Test
    void aGpTokenCarriesKeycloakShapedClaims() throws Exception {
        JwtClaims claims = VERIFIER.processToClaims(Tokens.gp("01123456"));

        assertThat(claims.getSubject()).isEqualTo("gp-01123456");
        assertThat(claims.getStringClaimValue("preferred_username")).isEqualTo("gp-01123456");
        assertThat(claims.getStringClaimValue("agb")).isEqualTo("01123456");
        assertThat(claims.getStringClaimValue("typ")).isEqualTo("Bearer");
        assertThat(roles(claims)).containsExactly("gp");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(3600);
        assertThat(claims.getJwtId()).isNotBlank();
    }

    @Test
    void everyRoleHasItsToken() throws Exception {
        JwtClaims specialist = VERIFIER.processToClaims(Tokens.specialist("03111111", "cardiology"));
        assertThat(roles(specialist)).containsExactly("specialist");
        assertThat(specialist.getStringClaimValue("agb")).isEqualTo("03111111");
        assertThat(specialist.getStringClaimValue("specialty")).isEqualTo("cardiology");

        assertThat(roles(VERIFIER.processToClaims(Tokens.nurse()))).containsExactly("nurse");
        assertThat(VERIFIER.processToClaims(Tokens.nurse("nurse-2")).getSubject()).isEqualTo("nurse-2");
        assertThat(roles(VERIFIER.processToClaims(Tokens.coordinator()))).containsExactly("coordinator");
        assertThat(roles(VERIFIER.processToClaims(Tokens.referralSource()))).containsExactly("referral-source");
    }

    @Test
    void withRolesTakesAnySubjectRolesAndExtraClaims() throws Exception {
        JwtClaims claims = VERIFIER.processToClaims(
                Tokens.withRoles("someone", Map.of("agb", "01000000", "hospital", "Ziekenhuis Oost"), "nurse", "coordinator"));
        assertThat(claims.getSubject()).isEqualTo("someone");
        assertThat(roles(claims)).containsExactly("nurse", "coordinator");
        assertThat(claims.getStringClaimValue("hospital")).isEqualTo("Ziekenhuis Oost");

        // an extra claim replaces a standard one, e.g. for a wrong-issuer test
        String foreign = Tokens.withRoles("someone", Map.of("iss", "https://elsewhere.test"), "nurse");
        assertThatThrownBy(() -> VERIFIER.processToClaims(foreign))
                .isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("Issuer");
    }

    @Test
    void aTokenSignedByAnotherKeyFailsVerification() {
        String forged = Tokens.signedByAnotherKey("coordinator", "coordinator");

        assertThatThrownBy(() -> VERIFIER.processToClaims(forged))
                .isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("signature");
        assertThat(rs256SignatureValid(forged)).isFalse();
    }

    @Test
    void anExpiredTokenFailsVerification() {
        String expired = Tokens.expired("nurse", "nurse");

        assertThat(rs256SignatureValid(expired)).isTrue();
        assertThatThrownBy(() -> VERIFIER.processToClaims(expired))
                .isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("no longer valid");
    }

    /** Independent of any JWT library: the JWS signature over header.payload, checked with java.security. */
    @Test
    void theSignatureIsRs256WithTheCommittedKey() throws Exception {
        String token = Tokens.coordinator();
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);

        assertThat(header).contains("\"alg\":\"RS256\"").contains("\"kid\":\"" + Tokens.KEY_ID + "\"");
        assertThat(rs256SignatureValid(token)).isTrue();
        // the base64 form handed to quarkus-oidc is the same key
        var decoded = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(Tokens.publicKeyBase64())));
        assertThat(decoded).isEqualTo(Tokens.publicKey());
        assertThat(Tokens.publicKey().getModulus().bitLength()).isEqualTo(2048);
    }

    private static boolean rs256SignatureValid(String token) {
        String[] parts = token.split("\\.");
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(Tokens.publicKey());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(JwtClaims claims) throws Exception {
        Map<String, Object> realmAccess = (Map<String, Object>) claims.getClaimValue("realm_access");
        return (List<String>) realmAccess.get("roles");
    }
}
