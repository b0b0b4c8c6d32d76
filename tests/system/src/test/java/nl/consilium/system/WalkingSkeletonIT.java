package nl.consilium.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.consilium.local.demo.DemoUsers;
import nl.consilium.local.demo.ReferralWalkthrough;
import nl.consilium.local.demo.ReferralWalkthrough.IntakeDecision;
import nl.consilium.local.demo.ReferralWalkthrough.ReportDraft;
import nl.consilium.local.demo.SampleReferral;
import nl.consilium.local.demo.StepListener;
import nl.consilium.local.demo.Timeline;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole platform as an operator runs it: real PostgreSQL, Kafka and Keycloak started by
 * deploy/local/consilium, the five packaged services, tokens from Keycloak. Follows referrals from
 * the ZorgDomein bundle to the GP's report, and crashes services with SIGKILL while referrals flow.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final LocalStack STACK = new LocalStack();
    private static ReferralWalkthrough walkthrough;

    @BeforeAll
    static void up() throws Exception {
        STACK.run(Duration.ofMinutes(6), "up");
        walkthrough = new ReferralWalkthrough(STACK.walkthroughConfig().withListener(StepListener.printingTo(System.out)));
    }

    @AfterAll
    static void down() throws Exception {
        STACK.run(Duration.ofMinutes(2), "down");
    }

    @Test
    @Order(1)
    void aReferralTravelsFromZorgDomeinToTheGpsReport() {
        Timeline timeline = walkthrough.walk(SampleReferral.create());

        assertThat(timeline.steps()).extracting(Timeline.Step::name).containsExactlyElementsOf(ReferralWalkthrough.STEPS);
        assertThat(timeline.conclusion()).isEqualTo("CONFIRMS_POLICY");
        assertThat(timeline.status()).isEqualTo("REPORT_AVAILABLE");
        assertThat(timeline.appointment().specialistAgb()).isIn("03111111", "03222222");
    }

    @Test
    @Order(2)
    void killingServicesWithSigkillWhileReferralsFlowLosesNothingAndAppliesNothingTwice() throws Exception {
        int count = 12;
        List<String> ids = new ArrayList<>();
        // The gateway dies right after accepting half of them, before its relay may have published.
        for (int i = 0; i < count; i++) {
            ids.add(walkthrough.submit(SampleReferral.create()));
            if (i == count / 2) {
                STACK.kill("referral-gateway");
                STACK.kill("intake");
                STACK.run(Duration.ofMinutes(3), "start", "referral-gateway");
            }
        }
        STACK.run(Duration.ofMinutes(3), "start", "intake");
        for (String id : ids) {
            walkthrough.awaitIntakeCase(id, Duration.ofSeconds(120));
        }

        // Scheduling and reporting die while the decisions are being consumed.
        for (int i = 0; i < count; i++) {
            walkthrough.decide(ids.get(i), IntakeDecision.doubtAboutTreatment());
            if (i == count / 2) {
                STACK.kill("scheduling");
                STACK.kill("reporting");
            }
        }
        STACK.run(Duration.ofMinutes(3), "start", "scheduling");
        STACK.run(Duration.ofMinutes(3), "start", "reporting");

        Map<String, String> specialistOf = new HashMap<>();
        for (String id : ids) {
            specialistOf.put(id, walkthrough.specialistFor(walkthrough.awaitAppointment(id, Duration.ofSeconds(120)))
                    .username());
        }
        // Consult dies between drafts and finalisations.
        for (int i = 0; i < count; i++) {
            String id = ids.get(i);
            walkthrough.awaitConsult(id, specialistOf.get(id), Duration.ofSeconds(120));
            walkthrough.saveReport(id, specialistOf.get(id), ReportDraft.confirmsPolicy());
        }
        for (int i = 0; i < count; i++) {
            String id = ids.get(i);
            if (i == count / 2) {
                STACK.kill("consult");
                STACK.run(Duration.ofMinutes(3), "start", "consult");
            }
            walkthrough.finaliseReport(id, specialistOf.get(id));
        }
        for (String id : ids) {
            assertThat(walkthrough.awaitReport(id, Duration.ofSeconds(120)).path("conclusion").asText())
                    .isEqualTo("CONFIRMS_POLICY");
        }

        // Exactly one row per referral in every service's own database ...
        Set<UUID> referralIds = ids.stream().map(UUID::fromString).collect(Collectors.toSet());
        assertOneRowPerReferral(referralIds, "referral_gateway", "select id from referral");
        assertOneRowPerReferral(referralIds, "intake", "select referral_id from intake_case");
        assertOneRowPerReferral(referralIds, "scheduling", "select referral_id from appointment");
        assertOneRowPerReferral(referralIds, "consult", "select referral_id from consult");
        assertOneRowPerReferral(referralIds, "reporting", "select referral_id from referral_overview");

        // ... every outbox drained ...
        for (String db : List.of("referral_gateway", "intake", "scheduling", "consult", "reporting")) {
            assertThat(single(db, "select count(*) from outbox_message where published_at is null"))
                    .as("unpublished outbox rows in " + db).isZero();
        }

        // ... and on the topics each referral's events appear with one event id each: a relay that
        // resent after the crash resends the same event id, which consumers apply once.
        for (String topic : List.of("consilium.referral", "consilium.intake", "consilium.scheduling", "consilium.consult")) {
            Map<String, Set<String>> eventIds = eventIdsPerKey(topic);
            for (String id : ids) {
                assertThat(eventIds.get(id)).as(topic + " events of " + id).hasSize(1);
            }
        }
    }

    @Test
    @Order(3)
    void aZorgDomeinCancellationEndsABookedReferralInEveryService() {
        SampleReferral referral = SampleReferral.create();
        String id = walkthrough.submit(referral);
        walkthrough.awaitIntakeCase(id, Duration.ofSeconds(60));
        walkthrough.decide(id, IntakeDecision.doubtAboutTreatment());
        var appointment = walkthrough.awaitAppointment(id, Duration.ofSeconds(60));
        String specialist = walkthrough.specialistFor(appointment).username();
        walkthrough.awaitConsult(id, specialist, Duration.ofSeconds(60));

        assertThat(walkthrough.submit(referral.cancellationJson("patient-withdrew", "Patient withdrew")))
                .as("the cancellation joins the same referral").isEqualTo(id);

        var config = walkthrough.config();
        awaitStatus(DemoUsers.NURSE_BAKKER,
                ReferralWalkthrough.uri(config.intakeUrl(), ReferralWalkthrough.intakeCasePath(id)), "CANCELLED");
        awaitStatus(DemoUsers.COORDINATOR_PETERS,
                ReferralWalkthrough.uri(config.schedulingUrl(), "/api/appointments/" + id), "CANCELLED");
        awaitStatus(DemoUsers.COORDINATOR_PETERS, ReferralWalkthrough.uri(config.consultUrl(), "/api/consults/" + id),
                "CANCELLED");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(walkthrough.gpReferral(id).path("status").asText()).isEqualTo("CANCELLED"));
        assertThat(walkthrough.callAs(specialist, "POST",
                ReferralWalkthrough.uri(config.consultUrl(), "/api/consults/" + id + "/report/finalise"), null).status())
                .as("no report for a cancelled consult").isEqualTo(409);
    }

    private static void awaitStatus(String username, java.net.URI url, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var response = walkthrough.callAs(username, "GET", url, null);
            assertThat(response.status()).as("GET " + url).isEqualTo(200);
            assertThat(response.json().path("status").asText()).as("status of " + url).isEqualTo(status);
        });
    }

    private static void assertOneRowPerReferral(Set<UUID> referralIds, String database, String sql)
            throws SQLException {
        Map<UUID, Integer> counts = countPerReferral(database, sql);
        for (UUID id : referralIds) {
            assertThat(counts.get(id)).as("rows for referral " + id + " in " + database).isEqualTo(1);
        }
    }

    private static Map<UUID, Integer> countPerReferral(String database, String sql) throws SQLException {
        Map<UUID, Integer> counts = new HashMap<>();
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.merge((UUID) rs.getObject(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static long single(String database, String sql) throws SQLException {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", database);
        props.setProperty("password", database);
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + STACK.pgPort() + "/" + database, props);
    }

    /** The distinct CloudEvents ids (header ce_id) per record key on a whole topic. */
    private static Map<String, Set<String>> eventIdsPerKey(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Set<String>> ids = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    var header = record.headers().lastHeader("ce_id");
                    ids.computeIfAbsent(record.key(), k -> new java.util.HashSet<>())
                            .add(header == null ? "no-ce_id" : new String(header.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return ids;
    }
}
