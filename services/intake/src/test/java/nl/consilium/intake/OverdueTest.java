package nl.consilium.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.intake.IntakeOverdue;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.intake.service.IntakeService;
import nl.consilium.intake.service.OverdueDetection;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The overdue job (switched off by schedule in tests and run here directly): marks open cases past
 * intakeDueAt and publishes IntakeOverdue exactly once per case, also with two runs at once; the gauges
 * show open and overdue cases.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class OverdueTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    IntakeService intake;

    @Inject
    OverdueDetection overdue;

    @Inject
    EntityManager entityManager;

    private ReferralReceived openCase(Duration ago) {
        ReferralReceived referral = ReferralFixtures.referral(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(ago));
        intake.openCase(referral);
        return referral;
    }

    private long overdueEvents(UUID referralId) {
        return IntakeFlow.count(entityManager, "select count(*) from outbox_message where message_key = ?1"
                + " and event_type = ?2", referralId.toString(), EventType.INTAKE_OVERDUE.wireName());
    }

    @Test
    void aCasePastItsDeadlineIsMarkedOnceAndAnnouncedOnce() {
        ReferralReceived late = openCase(Duration.ofHours(25));
        ReferralReceived onTime = openCase(Duration.ofHours(23));

        assertThat(overdue.run()).isGreaterThanOrEqualTo(1);
        assertThat(overdue.run()).isZero();

        IntakeFlow.get(Tokens.nurse(), late.referralId()).statusCode(200)
                .body("overdue", is(true))
                .body("overdueAt", notNullValue())
                // the overdue mark does not make the nurse's form stale
                .body("version", is(0));
        IntakeFlow.get(Tokens.nurse(), onTime.referralId()).statusCode(200).body("overdue", is(false));

        assertThat(overdueEvents(late.referralId())).isEqualTo(1);
        assertThat(overdueEvents(onTime.referralId())).isZero();
        var event = TestKafka.awaitEvent(Topics.INTAKE, EventType.INTAKE_OVERDUE.wireName(),
                late.referralId().toString(), WAIT);
        IntakeOverdue data = event.dataAs(IntakeOverdue.class);
        assertThat(data.patientId()).isEqualTo(late.patientId());
        assertThat(data.intakeDueAt()).isEqualTo(late.receivedAt().plus(Duration.ofHours(24)));
        assertThat(data.detectedAt()).isAfter(data.intakeDueAt());
    }

    @Test
    void decidedAndCancelledCasesAreNeverOverdue() {
        ReferralReceived decided = openCase(Duration.ofDays(2));
        IntakeFlow.prepareForDecision(Tokens.nurse(), decided.referralId());
        IntakeFlow.decide(Tokens.nurse(), decided.referralId(), java.util.Map.of("suitable", true)).statusCode(200);
        ReferralReceived cancelled = openCase(Duration.ofDays(2));
        intake.cancelCase(ReferralFixtures.cancellation(cancelled, Instant.now()));

        overdue.run();

        assertThat(overdueEvents(decided.referralId())).isZero();
        assertThat(overdueEvents(cancelled.referralId())).isZero();
        IntakeFlow.get(Tokens.nurse(), decided.referralId()).statusCode(200).body("overdue", is(false));
    }

    @Test
    void twoInstancesRunningAtOnceAnnounceEachCaseOnce() throws Exception {
        List<ReferralReceived> late = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            late.add(openCase(Duration.ofHours(30).plusMinutes(i)));
        }
        var pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return overdue.markOverdueCases();
                }));
            }
            start.countDown();
            int marked = 0;
            for (Future<Integer> run : runs) {
                marked += run.get();
            }
            assertThat(marked).isGreaterThanOrEqualTo(late.size());
        } finally {
            pool.shutdownNow();
        }
        for (ReferralReceived referral : late) {
            assertThat(overdueEvents(referral.referralId())).as("IntakeOverdue of " + referral.referralId())
                    .isEqualTo(1);
        }
    }

    @Test
    void theGaugesShowOpenAndOverdueCasesWithoutLabels() {
        openCase(Duration.ofDays(3));
        openCase(Duration.ZERO);
        overdue.run();
        long open = IntakeFlow.count(entityManager, "select count(*) from intake_case where status = 'OPEN'");
        long late = IntakeFlow.count(entityManager,
                "select count(*) from intake_case where status = 'OPEN' and overdue_at is not null");
        assertThat(late).isPositive();

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(gauge(metrics, "consilium_intake_cases_open")).isEqualTo(open);
        assertThat(gauge(metrics, "consilium_intake_cases_overdue")).isEqualTo(late);
    }

    /** The value of an unlabelled gauge in the Prometheus text format. */
    private static long gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(m.find()).as(name + " in /q/metrics").isTrue();
        assertThat(m.group(1) == null || m.group(1).equals("{}")).as("labels of " + name).isTrue();
        return (long) Double.parseDouble(m.group(2));
    }

    @Test
    void theWorklistFiltersOnTheOverdueMark() {
        String name = "nurse.overdue-" + UUID.randomUUID();
        ReferralReceived late = openCase(Duration.ofDays(4));
        ReferralReceived fresh = openCase(Duration.ZERO);
        IntakeFlow.claim(Tokens.nurse(name), late.referralId()).statusCode(200);
        IntakeFlow.claim(Tokens.nurse(name), fresh.referralId()).statusCode(200);
        overdue.run();
        given().auth().oauth2(Tokens.nurse(name)).queryParam("assignedTo", "me").queryParam("overdue", true)
                .get(IntakeFlow.CASES).then().statusCode(200)
                .body("items.referralId", is(List.of(late.referralId().toString())));
    }
}
