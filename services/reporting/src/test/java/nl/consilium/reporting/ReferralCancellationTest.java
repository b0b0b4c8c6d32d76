package nl.consilium.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.Topics;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * ReferralCancelled from Kafka shows the referral CANCELLED, with the reason and the time, in the
 * GP's list and detail, in whatever order the other services' events arrive; a report that was
 * final before stays available; a redelivered cancellation is applied once.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReferralCancellationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    private static void awaitStatus(ReportingFixtures r, String status) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.gp(r.referrerAgb()))
                .get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200).body("status", is(status)));
    }

    /** Four hours after receipt: after the intake and the booking, before the consult. */
    private static Instant cancelledAt(ReportingFixtures r) {
        return r.receivedAt().plusSeconds(4 * 3600);
    }

    @Test
    void theGpSeesTheReferralCancelledWithReasonAndTimeInListAndDetail() {
        ReportingFixtures r = ReportingFixtures.referral();
        List<EventEnvelope<ConsiliumEvent>> events = r.lifecycle();
        String gp = Tokens.gp(r.referrerAgb());
        events.subList(0, 3).forEach(TestKafka::publish);
        awaitStatus(r, "CONSULT_SCHEDULED");

        TestKafka.publish(ReportingFixtures.envelope(r.cancelled(cancelledAt(r))));
        awaitStatus(r, "CANCELLED");

        given().auth().oauth2(gp).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("cancellation.cancelledAt", is(cancelledAt(r).toString()))
                .body("cancellation.reasonCode", is("patient-withdrew"))
                .body("cancellation.reasonText", is(ReportingFixtures.CANCELLATION_REASON))
                .body("specialistName", is(ReportingFixtures.SPECIALIST))
                .body("timeline.milestone", contains("RECEIVED", "INTAKE_COMPLETED", "CONSULT_SCHEDULED",
                        "CANCELLED"))
                .body("timeline[3].at", is(cancelledAt(r).toString()));
        String entry = "find { it.referralId == '%s' }".formatted(r.referralId());
        given().auth().oauth2(gp).get("/api/gp/referrals")
                .then().statusCode(200)
                .body(entry + ".status", is("CANCELLED"))
                .body(entry + ".cancellation.cancelledAt", is(cancelledAt(r).toString()))
                .body(entry + ".cancellation.reasonCode", is("patient-withdrew"))
                .body(entry + ".cancellation.reasonText", is(ReportingFixtures.CANCELLATION_REASON));
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}/report", r.referralId())
                .then().statusCode(404).body("type", is("urn:consilium:problem:report-not-available"));
        // another GP still gets nothing
        given().auth().oauth2(Tokens.gp(ReportingFixtures.randomGpAgb())).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(404);
    }

    @Test
    void eventsOfOtherServicesThatArriveAfterTheCancellationDoNotUndoIt() {
        ReportingFixtures r = ReportingFixtures.referral();
        List<EventEnvelope<ConsiliumEvent>> events = r.lifecycle();
        // the gateway's two events first; the intake and the booking happened before the cancellation,
        // but their topics are read later
        TestKafka.publish(events.get(0));
        TestKafka.publish(ReportingFixtures.envelope(r.cancelled(cancelledAt(r))));
        awaitStatus(r, "CANCELLED");

        TestKafka.publish(events.get(1));
        TestKafka.publish(events.get(2));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.gp(r.referrerAgb()))
                .get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("intakeCompletedAt", notNullValue())
                .body("consultStartsAt", notNullValue()));
        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("timeline.milestone", contains("RECEIVED", "INTAKE_COMPLETED", "CONSULT_SCHEDULED",
                        "CANCELLED"));
    }

    @Test
    void aReportThatWasFinalBeforeTheCancellationStaysAvailable() {
        ReportingFixtures r = ReportingFixtures.referral();
        Instant afterTheReport = r.completedAt().plusSeconds(3600);
        // the cancellation is read before the consult's event: the status follows what is known, not the order
        List<EventEnvelope<ConsiliumEvent>> events = r.lifecycle();
        events.subList(0, 3).forEach(TestKafka::publish);
        TestKafka.publish(ReportingFixtures.envelope(r.cancelled(afterTheReport)));
        awaitStatus(r, "CANCELLED");
        TestKafka.publish(events.get(3));
        awaitStatus(r, "REPORT_AVAILABLE");

        String gp = Tokens.gp(r.referrerAgb());
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("cancellation.cancelledAt", is(afterTheReport.toString()))
                .body("timeline.milestone", contains("RECEIVED", "INTAKE_COMPLETED", "CONSULT_SCHEDULED",
                        "CONSULTED", "REPORT_AVAILABLE", "CANCELLED"));
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}/report", r.referralId())
                .then().statusCode(200).body("findings", is(ReportingFixtures.FINDINGS));
    }

    @Test
    void aRedeliveredCancellationAndASecondCancellationChangeNothing() {
        ReportingFixtures r = ReportingFixtures.referral();
        String key = r.referralId().toString();
        TestKafka.publish(r.lifecycle().get(0));
        EventEnvelope<ConsiliumEvent> cancelled = ReportingFixtures.envelope(r.cancelled(cancelledAt(r)));
        String json = ReportingFixtures.json(cancelled);
        TestKafka.send(Topics.REFERRAL, key, json);
        awaitStatus(r, "CANCELLED");
        long version = count("select version from referral_overview where referral_id = ?1", r.referralId());

        TestKafka.send(Topics.REFERRAL, key, json);
        TestKafka.send(Topics.REFERRAL, key, ReportingFixtures.json(ReportingFixtures.envelope(
                r.cancelled(cancelledAt(r).plusSeconds(3600), "other", "Een andere reden"))));
        // a later referral on the same partition proves the consumer is past all of them
        ReportingFixtures later = ReportingFixtures.referral();
        TestKafka.send(Topics.REFERRAL, key, ReportingFixtures.json(later.lifecycle().get(0)));
        awaitStatus(later, "RECEIVED");

        assertThat(count("select count(*) from processed_event where consumer = 'reporting.referral-events'"
                + " and event_id = ?1", cancelled.id())).isEqualTo(1);
        assertThat(count("select version from referral_overview where referral_id = ?1", r.referralId()))
                .isEqualTo(version);
        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("cancellation.cancelledAt", is(cancelledAt(r).toString()))
                .body("cancellation.reasonCode", is("patient-withdrew"))
                .body("cancellation.reasonText", is(ReportingFixtures.CANCELLATION_REASON))
                .body("timeline.milestone", contains("RECEIVED", "CANCELLED"));
    }

    @Test
    void theCancellationOfAReferralReportingHasNotSeenIsIgnored() {
        ReportingFixtures unknown = ReportingFixtures.referral();
        String key = unknown.referralId().toString();
        EventEnvelope<ConsiliumEvent> cancelled = ReportingFixtures.envelope(unknown.cancelled(cancelledAt(unknown)));
        TestKafka.send(Topics.REFERRAL, key, ReportingFixtures.json(cancelled));
        // a referral behind it on the same partition is still read
        ReportingFixtures after = ReportingFixtures.referral();
        TestKafka.send(Topics.REFERRAL, key, ReportingFixtures.json(after.lifecycle().get(0)));
        awaitStatus(after, "RECEIVED");

        assertThat(count("select count(*) from referral_overview where referral_id = ?1", unknown.referralId()))
                .isZero();
        assertThat(count("select count(*) from processed_event where consumer = 'reporting.referral-events'"
                + " and event_id = ?1", cancelled.id())).isEqualTo(1);
        assertThat(TestKafka.allRecords(Topics.deadLetter("reporting"), Duration.ZERO))
                .noneMatch(record -> key.equals(record.key()));
        given().auth().oauth2(Tokens.gp(unknown.referrerAgb())).get("/api/gp/referrals/{id}", unknown.referralId())
                .then().statusCode(404);
        given().auth().oauth2(Tokens.gp(after.referrerAgb())).get("/api/gp/referrals/{id}", after.referralId())
                .then().statusCode(200).body("cancellation", nullValue());
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, id).getSingleResult()).longValue());
    }
}
