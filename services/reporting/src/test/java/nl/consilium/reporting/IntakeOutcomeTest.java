package nl.consilium.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/** IntakeRejected informs the GP; IntakeOverdue is remembered for the organisation, not shown as a status. */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class IntakeOutcomeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    @Test
    void theGpSeesARejectedIntakeWithTheReasonAndTheNursesExplanation() {
        ReportingFixtures r = ReportingFixtures.referral();
        TestKafka.publish(ReportingFixtures.envelope(r.received(), r.receivedAt()));
        TestKafka.publish(ReportingFixtures.envelope(r.intakeRejected(), r.intakeCompletedAt()));
        String gp = Tokens.gp(r.referrerAgb());

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(gp).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("status", is("INTAKE_REJECTED"))
                .body("intakeRejection.reason", is("NOT_A_SECOND_OPINION_QUESTION"))
                .body("intakeRejection.explanation", is(ReportingFixtures.REJECTION_EXPLANATION))
                .body("intakeRejection.rejectedAt", is(r.intakeCompletedAt().toString()))
                .body("timeline.milestone", contains("RECEIVED", "INTAKE_REJECTED")));
        given().auth().oauth2(gp).get("/api/gp/referrals").then().statusCode(200)
                .body("find { it.referralId == '" + r.referralId() + "' }.status", is("INTAKE_REJECTED"));
        given().auth().oauth2(Tokens.gp(ReportingFixtures.randomGpAgb()))
                .get("/api/gp/referrals/{id}", r.referralId()).then().statusCode(404);
    }

    @Test
    void aCancellationAfterTheRejectionShowsCancelled() {
        ReportingFixtures r = ReportingFixtures.referral();
        TestKafka.publish(ReportingFixtures.envelope(r.received(), r.receivedAt()));
        TestKafka.publish(ReportingFixtures.envelope(r.intakeRejected(), r.intakeCompletedAt()));
        TestKafka.publish(ReportingFixtures.envelope(r.cancelled(r.intakeCompletedAt().plusSeconds(60)),
                r.intakeCompletedAt().plusSeconds(60)));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.gp(r.referrerAgb()))
                .get("/api/gp/referrals/{id}", r.referralId()).then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("intakeRejection.reason", is("NOT_A_SECOND_OPINION_QUESTION"))
                .body("timeline.milestone", hasItem("INTAKE_REJECTED")));
    }

    @Test
    void anOverdueIntakeIsRememberedOnceButDoesNotChangeTheGpsStatus() {
        ReportingFixtures r = ReportingFixtures.referral();
        TestKafka.publish(ReportingFixtures.envelope(r.received(), r.receivedAt()));
        var overdue = ReportingFixtures.envelope(r.intakeOverdue(), r.receivedAt().plusSeconds(86_460));
        TestKafka.publish(overdue);
        TestKafka.publish(ReportingFixtures.envelope(r.intakeOverdue(), r.receivedAt().plusSeconds(90_000)));

        await().atMost(WAIT).untilAsserted(() -> {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                    "select intake_overdue_at, intake_due_at from referral_overview where referral_id = ?1")
                    .setParameter(1, r.referralId()).getSingleResult());
            org.assertj.core.api.Assertions.assertThat(row[0]).isNotNull();
            org.assertj.core.api.Assertions.assertThat(((java.time.temporal.TemporalAccessor) row[0]))
                    .satisfies(t -> org.assertj.core.api.Assertions.assertThat(Instant.from(t))
                            .isEqualTo(r.receivedAt().plusSeconds(86_460)));
        });
        // the overdue (intake topic) can be read before the referral (referral topic): wait for both
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.gp(r.referrerAgb()))
                .get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200).body("status", is("RECEIVED")).body("intakeRejection", nullValue()));
    }
}
