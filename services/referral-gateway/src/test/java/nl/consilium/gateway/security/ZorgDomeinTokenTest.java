package nl.consilium.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.consilium.gateway.Samples;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * ZorgDomein's bearer token on {@code POST /fhir/Bundle}, over HTTP against the running gateway with
 * real PostgreSQL. An accepted token lets the request reach the FHIR resource, which then judges the
 * (deliberately incomplete) document: 400 {@code OperationOutcome} from the reader, never 401.
 */
@QuarkusTest
@TestProfile(ZorgDomeinTokenProfile.class)
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ConsiliumTestInfrastructure.SERVICE, value = "referral-gateway"))
class ZorgDomeinTokenTest {

    static final String FHIR_JSON = "application/fhir+json";
    /** Not a valid referral document: passes authentication, then fails in the document reader. */
    static final String NOT_A_REFERRAL = "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}";

    @Inject
    JtiReplayGuard replayGuard;

    static RequestSpecification fhir() {
        return given().contentType(FHIR_JSON).accept(FHIR_JSON).body(NOT_A_REFERRAL);
    }

    static Response post(String token) {
        return fhir().header("Authorization", "Bearer " + token).post("/fhir/Bundle");
    }

    /** Authentication passed: the document reader answered. */
    static void assertAccepted(Response response) {
        response.then().statusCode(400).contentType(startsWith(FHIR_JSON))
                .body("resourceType", is("OperationOutcome"));
        assertThat(response.jsonPath().getString("issue[0].code")).isNotIn("security", "login", "expired", "forbidden");
    }

    static void assertRejected(Response response, String code, String diagnostics) {
        response.then().statusCode(401)
                .contentType(startsWith(FHIR_JSON))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("resourceType", is("OperationOutcome"))
                .body("issue.size()", is(1))
                .body("issue[0].severity", is("error"))
                .body("issue[0].code", is(code))
                .body("issue[0].diagnostics", containsString(diagnostics));
    }

    @Test
    void theCapabilityStatementStaysPublicWhileEverythingElseOnFhirNeedsAToken() {
        given().get("/fhir/metadata").then().statusCode(200).body("resourceType", is("CapabilityStatement"));
        given().contentType("application/fhir+json").body("{}").post("/fhir/Bundle").then().statusCode(401);
    }

    @Test
    void theCapabilityStatementAnnouncesTheTokenButNoClientCertificate() {
        given().get("/fhir/metadata").then().statusCode(200)
                .body("rest[0].security.service.coding.flatten().code", contains("OAuth"))
                .body("rest[0].security.description", containsString("signed RS256 by ZorgDomein"))
                .body("rest[0].security.description", not(containsString("mutual TLS")));
    }

    /**
     * The whole way with ZorgDomein's token: a valid appointment request is stored (201, Location), and
     * the audit log names the token's caller ({@code sub}, else {@code iss}) with role referral-source,
     * and on whose behalf ({@code act.sub}) when the token says so.
     */
    @Test
    void aValidDocumentWithAZorgDomeinTokenIsStoredAndAuditedWithTheTokensCaller() throws Exception {
        JwtClaims actor = TestTokens.claims();
        actor.setClaim("act", Map.of("sub", "uzi:900012345"));
        Map<String, Object> audit = deliver(TestTokens.rs256(actor, "zd-current", "zd-current"));
        assertThat(audit).containsEntry("user_subject", TestTokens.SUBJECT)
                .containsEntry("on_behalf_of", "uzi:900012345").containsEntry("outcome", "SUCCESS");
        assertThat((String) audit.get("user_roles")).contains("referral-source");

        Map<String, Object> plain = deliver(TestTokens.valid());
        assertThat(plain).containsEntry("user_subject", TestTokens.SUBJECT).containsEntry("on_behalf_of", null);

        JwtClaims noSub = TestTokens.claims();
        noSub.unsetClaim("sub");
        assertThat(deliver(TestTokens.rs256(noSub, "zd-rotated", null)))
                .containsEntry("user_subject", TestTokens.ISSUER);
    }

    /** POSTs a new referral's appointment request with {@code token}; answers its referral.create audit row. */
    private static Map<String, Object> deliver(String token) throws SQLException {
        Samples.Fresh document = Samples.fresh("appointment-request.json");
        Response response = given().contentType(FHIR_JSON).accept(FHIR_JSON)
                .header("Authorization", "Bearer " + token).body(document.bytes()).post("/fhir/Bundle");
        response.then().statusCode(201).header("Location", matchesPattern("/api/referrals/[0-9a-f-]{36}"));
        String location = response.header("Location");
        UUID referralId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("""
                select user_subject, user_roles, on_behalf_of, outcome from audit_log
                where referral_id = ? and action = 'referral.create'""")) {
            s.setObject(1, referralId);
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).as("a referral.create row").isTrue();
                Map<String, Object> audit = new java.util.HashMap<>();
                for (String column : List.of("user_subject", "user_roles", "on_behalf_of", "outcome")) {
                    audit.put(column, row.getString(column));
                }
                assertThat(row.next()).isFalse();
                return audit;
            }
        }
    }

    /**
     * Every 401 is logged at INFO with its reason and the configured key(s) involved; an accepted token
     * at DEBUG with the key that verified it (so that an operator sees when an old key falls out of use).
     */
    @Test
    void rejectionsAndTheKeyThatVerifiedATokenAreLogged() {
        try (LogCapture log = LogCapture.of(ZorgDomeinIdentityProvider.class)) {
            fhir().post("/fhir/Bundle").then().statusCode(401);
            post(TestTokens.rs256(TestTokens.claims(), "rogue", "zd-current")).then().statusCode(401);
            post(TestTokens.rs256(TestTokens.claims(), "rogue", null)).then().statusCode(401);
            JwtClaims evil = TestTokens.claims();
            evil.setIssuer("https://evil.test");
            post(TestTokens.rs256(evil, "zd-rotated", null)).then().statusCode(401);
            post(TestTokens.hs256(TestTokens.claims())).then().statusCode(401);
            assertAccepted(post(TestTokens.rs256(TestTokens.claims(), "zd-rotated", null)));
            assertAccepted(post(TestTokens.valid()));

            assertThat(log.lines()).extracting(LogCapture.Line::message).containsExactly(
                    "ZorgDomein token rejected: MISSING_TOKEN (no key tried)",
                    "ZorgDomein token rejected: BAD_SIGNATURE (kid 'zd-current'; keys tried [zd-current])",
                    "ZorgDomein token rejected: BAD_SIGNATURE (no kid; keys tried [zd-current, zd-rotated])",
                    "ZorgDomein token rejected: UNTRUSTED_ISSUER (signature verified by key zd-rotated)",
                    "ZorgDomein token rejected: UNSUPPORTED_ALGORITHM (no key tried)",
                    "ZorgDomein token accepted: signature verified by key zd-rotated",
                    "ZorgDomein token accepted: signature verified by key zd-current");
            assertThat(log.lines().subList(0, 5)).allMatch(LogCapture.Line::info);
            assertThat(log.lines().subList(5, 7)).noneMatch(LogCapture.Line::info);
        }
    }

    @Test
    void aTokenSignedWithTheCurrentKeyIsAccepted() {
        assertAccepted(post(TestTokens.valid()));
    }

    @Test
    void aTokenSignedWithTheRotatedKeyIsAcceptedWithoutKid() {
        assertAccepted(post(TestTokens.rs256(TestTokens.claims(), "zd-rotated", null)));
    }

    @Test
    void aTokenFromTheSecondIssuerWithAnUnknownKidIsAcceptedWhenATrustedKeySignedIt() {
        JwtClaims claims = TestTokens.claims();
        claims.setIssuer(TestTokens.SECOND_ISSUER);
        assertAccepted(post(TestTokens.rs256(claims, "zd-rotated", "some-other-kid")));
    }

    @Test
    void aTokenWithoutExpOrSubIsAcceptedOnItsIat() {
        JwtClaims claims = TestTokens.claims();
        claims.unsetClaim("exp");
        claims.unsetClaim("sub");
        assertAccepted(post(TestTokens.rs256(claims, "zd-current", null)));
    }

    @Test
    void anIatSlightlyInTheFutureIsWithinTheClockSkew() {
        JwtClaims claims = TestTokens.claims();
        claims.setIssuedAt(TestTokens.at(Instant.now().plus(Duration.ofMinutes(2))));
        assertAccepted(post(TestTokens.rs256(claims, "zd-current", "zd-current")));
    }

    @Test
    void noTokenIs401() {
        assertRejected(fhir().post("/fhir/Bundle"), "login", "Authorization: Bearer <token>");
        assertRejected(fhir().header("Authorization", "Basic dXNlcjpwYXNz").post("/fhir/Bundle"), "login",
                "is not 'Bearer <token>'");
    }

    @Test
    void aMalformedTokenIs401() {
        assertRejected(post("not-a-jwt"), "security", "is not a JWT");
        assertRejected(post("eyJhbGciOiJSUzI1NiJ9.e30.c2ln.x.y"), "security", "encrypted (JWE)");
        assertRejected(post("e30.e30.c2ln"), "security", "no alg");
    }

    @Test
    void anUnsignedTokenIs401() {
        assertRejected(post(TestTokens.unsigned(TestTokens.claims())), "security", "unsigned");
        String valid = TestTokens.valid();
        assertRejected(post(valid.substring(0, valid.lastIndexOf('.') + 1)), "security", "unsigned");
    }

    @Test
    void anHs256TokenIs401EvenWithThePublicKeyAsSecret() {
        assertRejected(post(TestTokens.hs256(TestTokens.claims())), "security", "signed 'HS256'; only RS256");
        assertRejected(post(TestTokens.withHeader("{\"alg\":\"PS256\"}", TestTokens.claims())), "security",
                "signed 'PS256'; only RS256");
    }

    @Test
    void aTokenSignedWithAnUntrustedKeyIs401() {
        assertRejected(post(TestTokens.rs256(TestTokens.claims(), "rogue", "zd-current")), "security",
                "does not verify against any trusted ZorgDomein key (kid 'zd-current')");
        assertRejected(post(TestTokens.rs256(TestTokens.claims(), "rogue", null)), "security",
                "does not verify against any trusted ZorgDomein key");
    }

    @Test
    void aTamperedTokenIs401() {
        String other = TestTokens.valid();
        String valid = TestTokens.valid();
        String[] a = valid.split("\\.");
        String[] b = other.split("\\.");
        assertRejected(post(a[0] + "." + b[1] + "." + a[2]), "security", "signature does not verify");
    }

    @Test
    void theKeycloakTokenIsNotAZorgDomeinTokenOnFhirButStillWorksElsewhere() {
        assertRejected(post(Tokens.referralSource()), "security", "signature does not verify");
        given().auth().oauth2(Tokens.coordinator()).get("/api/referrals/" + UUID.randomUUID())
                .then().statusCode(404);
        given().get("/api/referrals/" + UUID.randomUUID()).then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void anUntrustedIssuerIs401() {
        JwtClaims claims = TestTokens.claims();
        claims.setIssuer("https://evil.test");
        assertRejected(post(TestTokens.rs256(claims, "zd-current", null)), "security",
                "issuer (iss) 'https://evil.test' is not a trusted ZorgDomein issuer");
    }

    @Test
    void anExpiredTokenIs401() {
        JwtClaims claims = TestTokens.claims();
        claims.setIssuedAt(TestTokens.at(Instant.now().minus(Duration.ofMinutes(8))));
        claims.setExpirationTime(TestTokens.at(Instant.now().minus(Duration.ofMinutes(6))));
        assertRejected(post(TestTokens.rs256(claims, "zd-current", null)), "expired", "The token expired (exp");
    }

    @Test
    void anExpWithinTheSkewIsStillAccepted() {
        JwtClaims claims = TestTokens.claims();
        claims.setIssuedAt(TestTokens.at(Instant.now().minus(Duration.ofMinutes(3))));
        claims.setExpirationTime(TestTokens.at(Instant.now().minus(Duration.ofMinutes(2))));
        assertAccepted(post(TestTokens.rs256(claims, "zd-current", null)));
    }

    @Test
    void aTokenNotYetValidIs401() {
        JwtClaims claims = TestTokens.claims();
        claims.setNotBefore(TestTokens.at(Instant.now().plus(Duration.ofMinutes(7))));
        assertRejected(post(TestTokens.rs256(claims, "zd-current", null)), "security", "not valid yet (nbf");
    }

    @Test
    void anIatTooOldIs401EvenWithoutExp() {
        JwtClaims claims = TestTokens.claims();
        claims.unsetClaim("exp");
        claims.setIssuedAt(TestTokens.at(Instant.now().minus(Duration.ofMinutes(11))));
        assertRejected(post(TestTokens.rs256(claims, "zd-current", null)), "expired", "more than 600 s ago");
    }

    @Test
    void anIatFarInTheFutureIs401() {
        JwtClaims claims = TestTokens.claims();
        claims.setIssuedAt(TestTokens.at(Instant.now().plus(Duration.ofMinutes(6))));
        assertRejected(post(TestTokens.rs256(claims, "zd-current", null)), "security", "in the future");
    }

    @Test
    void missingIatOrJtiIs401() {
        JwtClaims noIat = TestTokens.claims();
        noIat.unsetClaim("iat");
        assertRejected(post(TestTokens.rs256(noIat, "zd-current", null)), "security", "no iat");
        JwtClaims noJti = TestTokens.claims();
        noJti.unsetClaim("jti");
        assertRejected(post(TestTokens.rs256(noJti, "zd-current", null)), "security", "no jti");
        JwtClaims textIat = TestTokens.claims();
        textIat.setClaim("iat", "yesterday");
        assertRejected(post(TestTokens.rs256(textIat, "zd-current", null)), "security", "wrong type");
    }

    @Test
    void aReplayedJtiIs401AndItsWindowIsRecorded() throws Exception {
        JwtClaims claims = TestTokens.claims();
        String token = TestTokens.rs256(claims, "zd-current", null);
        assertAccepted(post(token));
        assertRejected(post(token), "security", "was used before");
        // the same jti in a new, otherwise valid token is a replay, too
        JwtClaims again = TestTokens.claims();
        again.setJwtId(claims.getJwtId());
        assertRejected(post(TestTokens.rs256(again, "zd-rotated", null)), "security", "was used before");

        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "select issuer, seen_at, expires_at from zorgdomein_token_id where jti = ?")) {
            s.setString(1, claims.getJwtId().toString());
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo(TestTokens.ISSUER);
                // iat + 10 min comes before exp (iat + 5 min) + 5 min skew: equal here, the earlier wins
                Instant expires = row.getTimestamp(3).toInstant();
                assertThat(expires).isEqualTo(Instant.ofEpochSecond(claims.getIssuedAt().getValue())
                        .plus(Duration.ofMinutes(10)));
                assertThat(row.next()).isFalse();
            }
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void concurrentRequestsWithTheSameJtiAcceptExactlyOne() throws Exception {
        String token = TestTokens.valid();
        int parallel = 12;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(token);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 401) {
                    assertThat(response.jsonPath().getString("issue[0].diagnostics")).contains("was used before");
                }
            }
            assertThat(statuses).containsOnly(400, 401);
            assertThat(statuses.stream().filter(s -> s == 400).count()).as("accepted").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aJtiWhoseWindowEndedCanBeReusedAndExpiredIdsAreDeleted() throws Exception {
        String stale = "stale-" + UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofHours(2));
        assertThat(replayGuard.firstUse(stale, TestTokens.ISSUER, longAgo, longAgo.plus(Duration.ofMinutes(10))))
                .isTrue();
        assertThat(replayGuard.firstUse(stale, TestTokens.ISSUER, longAgo.plus(Duration.ofMinutes(1)),
                longAgo.plus(Duration.ofMinutes(11)))).as("within its window").isFalse();
        JwtClaims claims = TestTokens.claims();
        claims.setJwtId(stale);
        assertAccepted(post(TestTokens.rs256(claims, "zd-current", null)));

        String old = "old-" + UUID.randomUUID();
        replayGuard.firstUse(old, TestTokens.ISSUER, longAgo, longAgo.plus(Duration.ofMinutes(10)));
        assertThat(count(old)).isEqualTo(1);
        assertThat(replayGuard.deleteExpired(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(count(old)).isZero();
        assertThat(count(stale)).as("the live one stays").isEqualTo(1);
    }

    private static int count(String jti) throws SQLException {
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement("select count(*) from zorgdomein_token_id where jti = ?")) {
            s.setString(1, jti);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(ConsiliumTestInfrastructure.jdbcUrl(),
                ConsiliumTestInfrastructure.username(), ConsiliumTestInfrastructure.password());
    }
}
