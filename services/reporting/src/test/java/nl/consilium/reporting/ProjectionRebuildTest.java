package nl.consilium.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Rebuilding the projections from the topics ({@code POST /api/reporting/admin/rebuild}) gives the
 * same projection as live consumption did: a realistic mix of events for several referrals, with
 * duplicates and events that arrive before the ones they follow, is consumed live, the tables are
 * snapshotted, rebuilt, and compared.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class ProjectionRebuildTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** ProjectionRebuilds' job lock ("RBLD", 2). */
    private static final int LOCK_SPACE = 0x52424c44;
    private static final int JOB_LOCK = 2;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRebuildFromTheTopicsEqualsTheLiveProjection() {
        List<EventEnvelope<ConsiliumEvent>> events = new ArrayList<>();
        List<UUID> referrals = new ArrayList<>();
        List<UUID> patients = new ArrayList<>();

        // A: letter and questionnaire (copy required), the consult moved, held, reported; audit records
        ReportingFixtures a = ReportingFixtures.referral();
        Instant aDone = a.movedStartsAt().plusSeconds(3600);
        events.addAll(List.of(at(a.received(), a.receivedAt()), at(a.questionnaire(true), a.receivedAt()),
                at(a.letterReceived(), a.receivedAt()), at(a.intakeCompleted(), a.intakeCompletedAt()),
                at(a.scheduled(), a.scheduledAt()), at(a.rescheduled("SPECIALIST"), a.rescheduledAt()),
                at(a.completed(aDone), aDone)));
        AuditRecorded read = a.audit("intake", "intake-case.read", Instant.parse("2026-11-23T09:00:00Z"));
        events.add(ReportingFixtures.envelope(read));
        events.add(ReportingFixtures.envelope(a.audit("consult", "consult.read", Instant.parse("2026-11-24T09:00:00Z"))));
        events.add(at(a.amended(), a.amendedAt()));
        // B: the patient objects, and lifts the objection after the report; its events arrive backwards
        ReportingFixtures b = ReportingFixtures.referral().objecting();
        events.addAll(b.lifecycle().reversed());
        Instant lifted = b.completedAt().plusSeconds(3600);
        events.add(at(b.objectionChanged(false, lifted), lifted));
        // C: rejected at intake, then cancelled
        ReportingFixtures c = ReportingFixtures.referral();
        events.addAll(List.of(at(c.received(), c.receivedAt()), at(c.intakeRejected(), c.intakeCompletedAt()),
                at(c.cancelled(c.intakeCompletedAt().plusSeconds(600)), c.intakeCompletedAt().plusSeconds(600))));
        // D: scheduling cancels the consult because the referral was withdrawn, before the gateway's cancellation is read
        ReportingFixtures d = ReportingFixtures.referral();
        events.addAll(d.lifecycle().subList(0, 3));
        events.add(at(d.consultCancelled("REFERRAL_CANCELLED"), d.consultCancelledAt()));
        events.add(at(d.cancelled(d.consultCancelledAt().minusSeconds(30)), d.consultCancelledAt().minusSeconds(30)));
        // E: the patient cancels the consult, a coordinator books again, the consult is held
        ReportingFixtures e = ReportingFixtures.referral();
        Instant eDone = e.movedStartsAt().plusSeconds(3600);
        events.addAll(e.lifecycle().subList(0, 3));
        events.addAll(List.of(at(e.consultCancelled("PATIENT"), e.consultCancelledAt()), at(e.rebooked(), e.rebookedAt()),
                at(e.completed(eDone), eDone)));
        // F: matching fails, nobody booked yet; G: the intake is overdue
        ReportingFixtures f = ReportingFixtures.referral();
        events.addAll(f.lifecycle().subList(0, 2));
        events.add(at(f.matchingFailed(), f.intakeCompletedAt().plusSeconds(5)));
        ReportingFixtures g = ReportingFixtures.referral();
        events.add(at(g.intakeOverdue(), g.receivedAt().plusSeconds(86_460)));
        events.add(at(g.received(), g.receivedAt()));
        // H: the patient does not show up
        ReportingFixtures h = ReportingFixtures.referral();
        events.addAll(h.lifecycle().subList(0, 3));
        events.add(at(h.noShow(), h.noShowAt()));
        for (ReportingFixtures r : List.of(a, b, c, d, e, f, g, h)) {
            referrals.add(r.referralId());
            patients.add(r.patientId());
        }

        // duplicates: the same event twice (a relay resending), and the same fact under a new event id
        List<EventEnvelope<ConsiliumEvent>> published = new ArrayList<>(events);
        published.add(events.get(4));
        published.add(events.get(11));
        published.add(at(a.rescheduled("SPECIALIST"), a.rescheduledAt()));
        published.add(ReportingFixtures.envelope(read));
        published.forEach(TestKafka::publish);

        Set<UUID> eventIds = published.stream().map(EventEnvelope::id).collect(Collectors.toSet());
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(distinct event_id) from processed_event where event_id in (:ids)", eventIds))
                .isEqualTo(eventIds.size()));
        Snapshot live = snapshot(referrals, patients);
        assertThat(live.overviews()).hasSize(8);
        assertThat(live.overviews()).anySatisfy(row -> assertThat(row).contains(a.referralId().toString(),
                "\"status\": \"REPORT_AVAILABLE\"", "\"copy_to_first_specialist_required\": true"));
        assertThat(live.overviews()).anySatisfy(row -> assertThat(row).contains(b.referralId().toString(),
                "\"status\": \"REPORT_AVAILABLE\"", "\"intake_objection\": false"));
        assertThat(live.timeline()).anySatisfy(row -> assertThat(row).startsWith(e.referralId() + "|CONSULT_CANCELLED"));
        assertThat(live.timeline()).anySatisfy(row -> assertThat(row).startsWith(h.referralId() + "|CONSULT_NO_SHOW"));
        assertThat(live.addenda()).hasSize(1);
        assertThat(live.accessLog()).hasSize(2);

        JsonPath started = given().auth().oauth2(Tokens.coordinator()).post("/api/reporting/admin/rebuild")
                .then().statusCode(202)
                .header("Location", matchesPattern(".*/api/reporting/admin/rebuild/[0-9a-f-]{36}"))
                .body("requestedBy", is("coordinator"))
                .extract().jsonPath();
        String rebuildId = started.getString("rebuildId");
        await().atMost(WAIT).until(() -> !"RUNNING".equals(given().auth().oauth2(Tokens.coordinator())
                .get("/api/reporting/admin/rebuild/{id}", rebuildId).then().statusCode(200)
                .extract().path("status")));
        JsonPath done = given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/admin/rebuild/{id}", rebuildId)
                .then().statusCode(200).body("status", is("DONE")).extract().jsonPath();
        assertThat(done.getLong("recordsRead")).isGreaterThanOrEqualTo(published.size());
        assertThat(done.getLong("eventsApplied")).isGreaterThanOrEqualTo(eventIds.size());
        assertThat(done.getLong("eventsSkipped")).isGreaterThanOrEqualTo(2);
        assertThat(done.getString("finishedAt")).isNotNull();

        Snapshot rebuilt = snapshot(referrals, patients);
        assertThat(rebuilt.overviews()).containsExactlyElementsOf(live.overviews());
        assertThat(rebuilt.timeline()).containsExactlyElementsOf(live.timeline());
        assertThat(rebuilt.accessLog()).containsExactlyElementsOf(live.accessLog());
        assertThat(rebuilt.addenda()).containsExactlyElementsOf(live.addenda());

        // the live consumers carry on after the rebuild, and the GP's view is the one of before
        ReportingFixtures after = ReportingFixtures.referral();
        TestKafka.publish(after.lifecycle().get(0));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.gp(after.referrerAgb()))
                .get("/api/gp/referrals/{id}", after.referralId()).then().statusCode(200).body("status", is("RECEIVED")));
        given().auth().oauth2(Tokens.gp(a.referrerAgb())).get("/api/gp/referrals/{id}", a.referralId())
                .then().statusCode(200).body("status", is("REPORT_AVAILABLE"))
                .body("transmuralCopy.required", is(true));
    }

    @Test
    void oneRebuildAtATimeOnlyForCoordinators() throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_lock(?, ?)")) {
                lock.setInt(1, LOCK_SPACE);
                lock.setInt(2, JOB_LOCK);
                lock.executeQuery().close();
            }
            try {
                given().auth().oauth2(Tokens.coordinator()).post("/api/reporting/admin/rebuild")
                        .then().statusCode(409).contentType("application/problem+json")
                        .body("type", is("urn:consilium:problem:rebuild-running"));
            } finally {
                try (PreparedStatement unlock = holder.prepareStatement("select pg_advisory_unlock_all()")) {
                    unlock.executeQuery().close();
                }
            }
        }
        given().auth().oauth2(Tokens.gp(ReportingFixtures.randomGpAgb())).post("/api/reporting/admin/rebuild")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.nurse()).post("/api/reporting/admin/rebuild").then().statusCode(403);
        given().post("/api/reporting/admin/rebuild").then().statusCode(401);
        given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/admin/rebuild/{id}", UUID.randomUUID())
                .then().statusCode(404).body("type", is("urn:consilium:problem:not-found"));
    }

    private static EventEnvelope<ConsiliumEvent> at(ConsiliumEvent data, Instant time) {
        return ReportingFixtures.envelope(data, time);
    }

    /** The projection's rows of these referrals and patients, as text; the version (a count of updates) left out. */
    private record Snapshot(List<String> overviews, List<String> timeline, List<String> accessLog,
            List<String> addenda) {
    }

    private Snapshot snapshot(List<UUID> referrals, List<UUID> patients) {
        return QuarkusTransaction.requiringNew().call(() -> new Snapshot(
                texts("select (to_jsonb(o) - 'version')::text from referral_overview o"
                        + " where referral_id in (:ids) order by referral_id", referrals),
                texts("select referral_id || '|' || milestone || '|' || at || '|' || coalesce(detail, '')"
                        + " from referral_timeline_entry where referral_id in (:ids) order by 1", referrals),
                texts("select to_jsonb(l)::text from patient_access_log l where patient_id in (:ids)"
                        + " order by audit_id", patients),
                texts("select to_jsonb(a)::text from report_addendum a where referral_id in (:ids)"
                        + " order by referral_id, sequence", referrals)));
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String sql, List<UUID> ids) {
        return entityManager.createNativeQuery(sql).setParameter("ids", ids).getResultList();
    }

    private long count(String sql, Set<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter("ids", ids).getSingleResult()).longValue());
    }
}
