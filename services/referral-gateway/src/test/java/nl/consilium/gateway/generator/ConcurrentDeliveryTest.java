package nl.consilium.gateway.generator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * ZorgDomein re-delivers after failures, sometimes many times at once: 50 parallel deliveries of the same
 * generated Bundle make one referral, one stored document and one ReferralReceived event; 50 parallel
 * deliveries of different Bundles make 50. Over HTTP, with real PostgreSQL and Kafka.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ConsiliumTestInfrastructure.SERVICE, value = "referral-gateway"))
class ConcurrentDeliveryTest {

    private static final int DELIVERIES = 50;
    private static final String FHIR_JSON = "application/fhir+json";
    private static final String FHIR_XML = "application/fhir+xml";
    private static final String LOCATION_PREFIX = "/api/referrals/";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(3);

    @Inject
    EntityManager entityManager;

    /** Status and Location of one delivery. */
    record Answer(int status, String location, String body) {
    }

    @Test
    void fiftyParallelDeliveriesOfTheSameBundleMakeOneReferralAndOneEvent() throws Exception {
        GeneratedReferral referral = ReferralGenerator.withRandomSeed().next();
        String token = Tokens.referralSource();

        List<Answer> answers = deliverAtOnce(i -> () -> deliver(token, FHIR_JSON, referral.jsonBytes()));

        assertThat(answers).hasSize(DELIVERIES).extracting(Answer::status).as("every delivery is answered 201")
                .containsOnly(201);
        Set<String> locations = answers.stream().map(Answer::location).collect(Collectors.toSet());
        assertThat(locations).as("every delivery names the same record").hasSize(1);
        String location = locations.iterator().next();
        assertThat(location).startsWith(LOCATION_PREFIX);
        UUID referralId = UUID.fromString(location.substring(LOCATION_PREFIX.length()));

        assertThat(count("select count(*) from referral where zorgdomein_number = ?1", referral.zdNumber()))
                .isEqualTo(1);
        assertThat(count("select count(*) from referral where id = ?1", referralId)).isEqualTo(1);
        assertThat(count("select count(*) from received_document where bundle_id = ?1", referral.bundleId()))
                .isEqualTo(1);
        assertThat(count("select count(*) from received_document where referral_id = ?1", referralId)).isEqualTo(1);
        assertThat(count("select count(*) from patient where bsn = ?1", referral.bsn())).isEqualTo(1);
        assertThat(count("select count(*) from outbox_message where event_type = ?1 and message_key = ?2",
                EventType.REFERRAL_RECEIVED.wireName(), referralId.toString())).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where referral_id = ?1 and action = 'referral.create'",
                referralId)).as("one audited creation").isEqualTo(1);

        TestKafka.awaitEvent(EventType.REFERRAL_RECEIVED, referralId.toString(), WAIT);
        assertThat(TestKafka.events(EventType.REFERRAL_RECEIVED, referralId.toString(), SETTLE))
                .as("exactly one ReferralReceived for the referral").hasSize(1);
        assertThat(TestKafka.allRecords(Topics.REFERRAL, SETTLE).stream()
                .filter(r -> referralId.toString().equals(r.key())).count())
                .as("exactly one record on " + Topics.REFERRAL + " for the referral").isEqualTo(1);
    }

    @Test
    void fiftyParallelDeliveriesOfDifferentGeneratedBundlesMakeFiftyReferrals() throws Exception {
        List<GeneratedReferral> referrals = ReferralGenerator.withRandomSeed().next(DELIVERIES);
        String token = Tokens.referralSource();

        long started = System.nanoTime();
        List<Answer> answers = deliverAtOnce(i -> () -> i % 2 == 0
                ? deliver(token, FHIR_JSON, referrals.get(i).jsonBytes())
                : deliver(token, FHIR_XML, referrals.get(i).xmlBytes()));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(answers).hasSize(DELIVERIES).extracting(Answer::status).as("every document is accepted")
                .containsOnly(201);
        Set<String> locations = answers.stream().map(Answer::location).collect(Collectors.toSet());
        assertThat(locations).hasSize(DELIVERIES);
        for (int i = 0; i < DELIVERIES; i++) {
            GeneratedReferral referral = referrals.get(i);
            UUID referralId = UUID.fromString(answers.get(i).location().substring(LOCATION_PREFIX.length()));
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                    "select zorgdomein_number, referrer_agb, requested_product, treating_specialty, treating_hospital"
                            + " from referral where id = ?1").setParameter(1, referralId).getSingleResult());
            assertThat(row).as("referral %d", i).containsExactly(referral.zdNumber(), referral.gpAgb(),
                    referral.product(), referral.specialty(), referral.hospital());
        }
        for (Answer answer : answers) {
            TestKafka.awaitEvent(EventType.REFERRAL_RECEIVED, answer.location().substring(LOCATION_PREFIX.length()),
                    WAIT);
        }
        System.out.printf("%d different referrals over 50 connections in %.2f s (%.1f referrals/s)%n", DELIVERIES,
                seconds, DELIVERIES / seconds);
    }

    private static Answer deliver(String token, String contentType, byte[] body) {
        Response response = given().auth().oauth2(token).contentType(contentType).accept(FHIR_JSON).body(body)
                .post("/fhir/Bundle");
        return new Answer(response.statusCode(), response.header("Location"), response.asString());
    }

    /** Runs the deliveries on 50 threads that all start at once (a start gate), in order of i. */
    private static List<Answer> deliverAtOnce(IntFunction<Callable<Answer>> delivery) throws Exception {
        CountDownLatch ready = new CountDownLatch(DELIVERIES);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(DELIVERIES);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < DELIVERIES; i++) {
                Callable<Answer> call = delivery.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads ready").isTrue();
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
