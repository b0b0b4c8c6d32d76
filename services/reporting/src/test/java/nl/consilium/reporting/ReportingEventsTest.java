package nl.consilium.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.Topics;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The events of every service, read from Kafka, build the GP's overview and the access log. */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReportingEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OTHER_SERVICES = "entries.findAll { it.service != 'reporting' }";

    @Inject
    EntityManager entityManager;

    private static void awaitStatus(ReportingFixtures r, String status) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.gp(r.referrerAgb()))
                .get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200).body("status", is(status)));
    }

    /** Sent as the other services' outbox relays send them, CloudEvents headers and all. */
    @Test
    void eachEventMovesTheStatusOnAndTheReportAppearsWhenFinal() {
        ReportingFixtures r = ReportingFixtures.referral();
        List<EventEnvelope<ConsiliumEvent>> events = r.lifecycle();
        String gp = Tokens.gp(r.referrerAgb());

        ReportingFixtures.publishAsOutboxRelay(events.get(0));
        awaitStatus(r, "RECEIVED");
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}/report", r.referralId())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:report-not-available"));

        ReportingFixtures.publishAsOutboxRelay(events.get(1));
        awaitStatus(r, "INTAKE_COMPLETED");
        ReportingFixtures.publishAsOutboxRelay(events.get(2));
        awaitStatus(r, "CONSULT_SCHEDULED");
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}/report", r.referralId())
                .then().statusCode(404).body("type", is("urn:consilium:problem:report-not-available"));

        ReportingFixtures.publishAsOutboxRelay(events.get(3));
        awaitStatus(r, "REPORT_AVAILABLE");
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("zorgDomeinNumber", is(r.zdNumber()))
                .body("specialistName", is(ReportingFixtures.SPECIALIST))
                .body("consultDueOn", is("2026-12-07"))
                .body("consultStartsAt", is(r.consultStartsAt().toString()))
                .body("timeline.milestone", contains("RECEIVED", "INTAKE_COMPLETED", "CONSULT_SCHEDULED",
                        "CONSULTED", "REPORT_AVAILABLE"))
                .body("timeline.at", contains(r.receivedAt().toString(), r.intakeCompletedAt().toString(),
                        r.scheduledAt().toString(), r.consultStartsAt().toString(), r.completedAt().toString()));
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}/report", r.referralId())
                .then().statusCode(200)
                .body("referralId", is(r.referralId().toString()))
                .body("conclusion", is("CONFIRMS_POLICY"))
                .body("findings", is(ReportingFixtures.FINDINGS))
                .body("recommendations", is(ReportingFixtures.RECOMMENDATIONS))
                .body("question", is(ReportingFixtures.QUESTION))
                .body("signedBy", is("specialist-03111111"))
                .body("signedAt", is(r.completedAt().minusSeconds(60).toString()))
                .body("specialistName", is(ReportingFixtures.SPECIALIST));
    }

    @Test
    void eventsOfSeveralReferralsInShuffledOrderAcrossTopicsBuildTheSameOverviews() {
        List<ReportingFixtures> referrals = new ArrayList<>();
        List<EventEnvelope<ConsiliumEvent>> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ReportingFixtures r = ReportingFixtures.referral();
            referrals.add(i % 3 == 2 ? r.objecting() : r);
            events.addAll(referrals.get(i).lifecycle());
        }
        Collections.shuffle(events, new Random(7513));
        // the first referral strictly backwards: the report before the referral itself
        ReportingFixtures backwards = ReportingFixtures.referral();
        events.addAll(0, backwards.lifecycle().reversed());
        referrals.add(backwards);

        events.forEach(TestKafka::publish);

        for (ReportingFixtures r : referrals) {
            String expected = r.patientObjects() ? "REPORT_WITHHELD" : "REPORT_AVAILABLE";
            // the status can be final before the booking's topic was read: wait for the whole timeline
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.gp(r.referrerAgb()))
                    .get("/api/gp/referrals/{id}", r.referralId())
                    .then().statusCode(200)
                    .body("status", is(expected))
                    .body("zorgDomeinNumber", is(r.zdNumber()))
                    .body("receivedAt", is(r.receivedAt().toString()))
                    .body("specialistName", is(ReportingFixtures.SPECIALIST))
                    .body("timeline.milestone", contains("RECEIVED", "INTAKE_COMPLETED", "CONSULT_SCHEDULED",
                            "CONSULTED", expected)));
        }
        Set<UUID> ids = referrals.stream().map(ReportingFixtures::referralId).collect(Collectors.toSet());
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from referral_overview where referral_id in (:ids)")
                .setParameter("ids", ids).getSingleResult()).longValue());
        assertThat(rows).isEqualTo(referrals.size());
        // concurrent first events of one referral on different topics must not end up as poison
        Set<String> keys = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        assertThat(TestKafka.allRecords(Topics.deadLetter("reporting"), Duration.ofSeconds(1)))
                .noneMatch(record -> keys.contains(record.key()));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        ReportingFixtures r = ReportingFixtures.referral();
        List<EventEnvelope<ConsiliumEvent>> events = r.lifecycle();
        TestKafka.publish(events.get(0));
        TestKafka.publish(events.get(2));
        TestKafka.publish(events.get(2));
        AuditRecorded access = r.audit("intake", "intake-case.read", Instant.parse("2026-11-23T09:00:00Z"));
        EventEnvelope<ConsiliumEvent> accessEvent = ReportingFixtures.envelope(access);
        TestKafka.publish(accessEvent);
        TestKafka.publish(accessEvent);
        // the same audit record under a new event id (a producer that published it twice)
        TestKafka.publish(ReportingFixtures.envelope(access));
        // later records on the same partitions prove the consumers are past the copies
        TestKafka.publish(events.get(1));
        AuditRecorded later = r.audit("consult", "consult.read", Instant.parse("2026-11-23T10:00:00Z"));
        TestKafka.publish(ReportingFixtures.envelope(later));

        // the status is the furthest step known: the intake shows in its timestamp
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.gp(r.referrerAgb()))
                .get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200).body("status", is("CONSULT_SCHEDULED"))
                .body("intakeCompletedAt", is(r.intakeCompletedAt().toString())));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from patient_access_log where audit_id = ?1", later.auditId())).isEqualTo(1));

        assertThat(count("select count(*) from processed_event where consumer = 'reporting.scheduling-events'"
                + " and event_id = ?1", events.get(2).id())).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where consumer = 'reporting.audit-events'"
                + " and event_id = ?1", accessEvent.id())).isEqualTo(1);
        assertThat(count("select count(*) from referral_overview where referral_id = ?1", r.referralId()))
                .isEqualTo(1);
        assertThat(count("select count(*) from patient_access_log where audit_id = ?1", access.auditId()))
                .isEqualTo(1);
        // (the GP's status reads above are accesses too, recorded by this service)
        assertThat(count("select count(*) from patient_access_log where patient_id = ?1 and service <> 'reporting'",
                r.patientId())).isEqualTo(2);
    }

    @Test
    void poisonFromEveryTopicGoesToTheDeadLetterTopicAndTheConsumersCarryOn() {
        String run = "poison-" + System.nanoTime() + "-";
        List<String> topics = List.of(Topics.REFERRAL, Topics.INTAKE, Topics.SCHEDULING, Topics.CONSULT, Topics.AUDIT);
        for (String topic : topics) {
            TestKafka.send(topic, run + topic, "{\"specversion\":\"1.0\",\"type\":\"not json");
        }
        // an envelope whose data does not match its type
        TestKafka.send(Topics.CONSULT, run + "mismatch", """
                {"specversion":"1.0","id":"%s","type":"nl.consilium.consult.ConsultCompleted.v1",
                 "source":"/consilium/consult","time":"2026-11-23T08:00:00Z","data":{"referralId":"not-a-uuid"}}"""
                .formatted(UUID.randomUUID()));
        var dead = TestKafka.awaitRecords(Topics.deadLetter("reporting"), rec -> rec.key() != null
                && rec.key().startsWith(run), topics.size() + 1, WAIT);
        assertThat(dead).extracting(rec -> rec.key()).containsExactlyInAnyOrder(
                run + Topics.REFERRAL, run + Topics.INTAKE, run + Topics.SCHEDULING, run + Topics.CONSULT,
                run + Topics.AUDIT, run + "mismatch");

        ReportingFixtures after = ReportingFixtures.referral();
        after.lifecycle().forEach(TestKafka::publish);
        awaitStatus(after, "REPORT_AVAILABLE");
    }

    @Test
    void theAccessLogListsTheAuditRecordsOfEveryServiceOldestFirst() {
        ReportingFixtures r = ReportingFixtures.referral();
        AuditRecorded second = r.audit("consult", "consult.read", Instant.parse("2026-11-25T10:00:00Z"));
        AuditRecorded first = new AuditRecorded(UUID.randomUUID(), Instant.parse("2026-11-23T09:00:00Z"), "intake",
                "intake-case.update", r.patientId(), r.referralId(), "intake-case/" + r.referralId(), "nurse.visser",
                List.of("nurse"), "dr.on.call", "10.0.0.8", nl.consilium.events.audit.AuditOutcome.SUCCESS);
        TestKafka.publish(ReportingFixtures.envelope(second));
        TestKafka.publish(ReportingFixtures.envelope(first));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator())
                .get("/api/patients/{id}/access-log", r.patientId())
                .then().statusCode(200).body(OTHER_SERVICES, hasSize(2)));
        // reading the log is an access too: this service's own records of it join the list later
        given().auth().oauth2(Tokens.coordinator()).get("/api/patients/{id}/access-log", r.patientId())
                .then().statusCode(200)
                .body("patientId", is(r.patientId().toString()))
                .body(OTHER_SERVICES + ".auditId", contains(first.auditId().toString(), second.auditId().toString()))
                .body(OTHER_SERVICES + "[0].occurredAt", is("2026-11-23T09:00:00Z"))
                .body(OTHER_SERVICES + "[0].service", is("intake"))
                .body(OTHER_SERVICES + "[0].action", is("intake-case.update"))
                .body(OTHER_SERVICES + "[0].resource", is("intake-case/" + r.referralId()))
                .body(OTHER_SERVICES + "[0].referralId", is(r.referralId().toString()))
                .body(OTHER_SERVICES + "[0].userSubject", is("nurse.visser"))
                .body(OTHER_SERVICES + "[0].userRoles", contains("nurse"))
                .body(OTHER_SERVICES + "[0].onBehalfOf", is("dr.on.call"))
                .body(OTHER_SERVICES + "[0].clientAddress", is("10.0.0.8"))
                .body(OTHER_SERVICES + "[0].outcome", is("SUCCESS"))
                .body(OTHER_SERVICES + "[1].service", is("consult"));
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, id).getSingleResult()).longValue());
    }
}
