package nl.consilium.intake;

import static io.restassured.RestAssured.given;
import static nl.consilium.intake.IntakeFlow.CLAIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.intake.service.IntakeService;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * One nurse at a time: the claim, its take-over once stale (after consilium.intake.claim-stale-after
 * without activity, PT30M), its release, and the rule that every change needs it.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class ClaimTest {

    @Inject
    IntakeService intake;

    @Inject
    EntityManager entityManager;

    private UUID openCase() {
        ReferralReceived referral = ReferralFixtures.referral();
        intake.openCase(referral);
        return referral.referralId();
    }

    /** Makes the claim's last activity lie {@code minutes} in the past, as if its holder went away. */
    private void ageClaim(UUID referralId, int minutes) {
        OffsetDateTime then = OffsetDateTime.ofInstant(Instant.now().minusSeconds(minutes * 60L), ZoneOffset.UTC);
        assertThat(IntakeFlow.update(entityManager,
                "update intake_claim set claimed_at = ?1, last_activity_at = ?1 where referral_id = ?2", then,
                referralId)).isEqualTo(1);
    }

    @Test
    void aNurseClaimsACaseAndAnotherNurseIsRefused() {
        UUID id = openCase();
        IntakeFlow.claim(Tokens.nurse("nurse.bakker"), id).statusCode(200)
                .body("claimedBy", is("nurse.bakker"))
                .body("claimedAt", notNullValue())
                .body("stale", is(false))
                .body("heldByYou", is(true));

        IntakeFlow.claim(Tokens.nurse("nurse.visser"), id).statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:intake-claimed"))
                .body("claimedBy", is("nurse.bakker"))
                .body("takeOverPossible", is(false))
                .body("claimStaleAt", notNullValue());
        // an explicit take-over of a fresh claim is refused too
        given().auth().oauth2(Tokens.nurse("nurse.visser")).queryParam("takeOver", true).post(CLAIM, id)
                .then().statusCode(409).body("type", is("urn:consilium:problem:intake-claimed"));

        IntakeFlow.get(Tokens.nurse("nurse.visser"), id).statusCode(200)
                .body("claim.claimedBy", is("nurse.bakker"))
                .body("claim.heldByYou", is(false))
                .body("claimHistory.action", is(java.util.List.of("CLAIMED")));
        // claiming again as the holder keeps the claim
        IntakeFlow.claim(Tokens.nurse("nurse.bakker"), id).statusCode(200).body("claimedBy", is("nurse.bakker"));
    }

    @Test
    void aStaleClaimIsTakenOverOnlyExplicitlyAndTheTakeOverIsRecorded() {
        UUID id = openCase();
        IntakeFlow.claim(Tokens.nurse("nurse.bakker"), id).statusCode(200);
        ageClaim(id, 31);

        IntakeFlow.claim(Tokens.nurse("nurse.visser"), id).statusCode(409)
                .body("type", is("urn:consilium:problem:intake-claimed"))
                .body("takeOverPossible", is(true));
        IntakeFlow.get(Tokens.nurse("nurse.visser"), id).statusCode(200).body("claim.stale", is(true));

        given().auth().oauth2(Tokens.nurse("nurse.visser")).queryParam("takeOver", true).post(CLAIM, id)
                .then().statusCode(200).body("claimedBy", is("nurse.visser"));
        IntakeFlow.get(Tokens.nurse(), id).statusCode(200)
                .body("claim.claimedBy", is("nurse.visser"))
                .body("claim.stale", is(false))
                .body("claimHistory.action", is(java.util.List.of("CLAIMED", "TAKEN_OVER")))
                .body("claimHistory[1].nurse", is("nurse.visser"))
                .body("claimHistory[1].previousHolder", is("nurse.bakker"));
        // the previous holder lost it
        IntakeFlow.call(Tokens.nurse("nurse.bakker"), id, "REACHED").statusCode(409)
                .body("type", is("urn:consilium:problem:intake-claim-required"))
                .body("claimedBy", is("nurse.visser"));
    }

    @Test
    void aClaimNotYetStaleCannotBeTakenOver() {
        UUID id = openCase();
        IntakeFlow.claim(Tokens.nurse("nurse.bakker"), id).statusCode(200);
        ageClaim(id, 29);
        given().auth().oauth2(Tokens.nurse("nurse.visser")).queryParam("takeOver", true).post(CLAIM, id)
                .then().statusCode(409).body("takeOverPossible", is(false));
    }

    @Test
    void theHoldersActivityKeepsTheClaimFresh() {
        UUID id = openCase();
        String holder = Tokens.nurse("nurse.bakker");
        IntakeFlow.claim(holder, id).statusCode(200);
        ageClaim(id, 31);
        // a stale claim nobody took over is still the holder's, and using it makes it fresh again
        IntakeFlow.call(holder, id, "NOT_REACHED").statusCode(201);
        IntakeFlow.get(holder, id).statusCode(200).body("claim.stale", is(false));
        given().auth().oauth2(Tokens.nurse("nurse.visser")).queryParam("takeOver", true).post(CLAIM, id)
                .then().statusCode(409);
    }

    @Test
    void everyChangeNeedsTheClaim() {
        UUID id = openCase();
        String nurse = Tokens.nurse("nurse.unclaimed");
        IntakeFlow.call(nurse, id, "REACHED").statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:intake-claim-required"))
                .body("claimedBy", nullValue())
                .body("detail", org.hamcrest.Matchers.containsString("/claim"));
        IntakeFlow.save(nurse, id, Map.of("clarifiedQuestion", "q")).statusCode(409)
                .body("type", is("urn:consilium:problem:intake-claim-required"));
        IntakeFlow.decide(nurse, id, Map.of("suitable", false, "rejectionReason", "PATIENT_WITHDREW")).statusCode(409)
                .body("type", is("urn:consilium:problem:intake-claim-required"));

        IntakeFlow.claim(Tokens.nurse("nurse.holder"), id).statusCode(200);
        IntakeFlow.save(nurse, id, Map.of("clarifiedQuestion", "q")).statusCode(409)
                .body("type", is("urn:consilium:problem:intake-claim-required"))
                .body("claimedBy", is("nurse.holder"));

        IntakeFlow.get(nurse, id).statusCode(200)
                .body("version", is(0))
                .body("status", is("OPEN"))
                .body("intake.clarifiedQuestion", nullValue())
                .body("callAttempts.size()", is(0));
    }

    @Test
    void theHolderReleasesTheClaimAndOthersCannot() {
        UUID id = openCase();
        IntakeFlow.claim(Tokens.nurse("nurse.bakker"), id).statusCode(200);
        given().auth().oauth2(Tokens.nurse("nurse.visser")).delete(CLAIM, id).then().statusCode(409)
                .body("type", is("urn:consilium:problem:intake-claimed"));
        given().auth().oauth2(Tokens.nurse("nurse.bakker")).delete(CLAIM, id).then().statusCode(204);
        IntakeFlow.get(Tokens.nurse(), id).statusCode(200)
                .body("claim", nullValue())
                .body("claimHistory.action", is(java.util.List.of("CLAIMED", "RELEASED")));
        // released: anyone may claim it now; releasing nothing is fine
        given().auth().oauth2(Tokens.nurse("nurse.visser")).delete(CLAIM, id).then().statusCode(204);
        IntakeFlow.claim(Tokens.nurse("nurse.visser"), id).statusCode(200).body("claimedBy", is("nurse.visser"));
        IntakeFlow.call(Tokens.nurse("nurse.bakker"), id, "REACHED").statusCode(409);
    }

    @Test
    void twoNursesClaimingAtOnceGetOneClaim() throws Exception {
        UUID id = openCase();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var first = pool.submit(() -> {
                start.await();
                return IntakeFlow.claim(Tokens.nurse("nurse.one"), id).extract().statusCode();
            });
            var second = pool.submit(() -> {
                start.await();
                return IntakeFlow.claim(Tokens.nurse("nurse.two"), id).extract().statusCode();
            });
            start.countDown();
            assertThat(java.util.List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(IntakeFlow.count(entityManager, "select count(*) from claim_change where referral_id = ?1", id))
                .isEqualTo(1);
    }

    @Test
    void takeOverMustBeTrueOrFalse() {
        UUID id = openCase();
        given().auth().oauth2(Tokens.nurse()).queryParam("takeOver", "perhaps").post(CLAIM, id)
                .then().statusCode(400).body("type", is("urn:consilium:problem:validation-failed"))
                .body("errors[0].field", is("takeOver"));
    }
}
