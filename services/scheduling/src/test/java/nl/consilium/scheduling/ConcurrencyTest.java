package nl.consilium.scheduling;

import static io.restassured.RestAssured.given;
import static nl.consilium.scheduling.IntakeFixtures.AMSTERDAM;
import static nl.consilium.scheduling.IntakeFixtures.OOST;
import static nl.consilium.scheduling.IntakeFixtures.dateOf;
import static nl.consilium.scheduling.IntakeFixtures.envelope;
import static nl.consilium.scheduling.IntakeFixtures.freshFriday;
import static nl.consilium.scheduling.IntakeFixtures.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.scheduling.MatchingFailed;
import nl.consilium.events.scheduling.MatchingFailureReason;
import nl.consilium.scheduling.service.SchedulingService;
import nl.consilium.scheduling.service.SchedulingService.BookingOutcome;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service booking against one database never book one slot twice: the service
 * under test and a {@link SecondInstance} that shares only the database. Both choose by the same
 * deterministic rules from snapshots that do not see each other's uncommitted bookings, so they race
 * for the same slots; the partial unique index decides, and the loser marks the slot taken and asks the
 * engine again. Plus a burst of 200 intakes through Kafka for few slots: every referral ends booked or
 * with MatchingFailed, no slot twice, no specialist over their weekly maximum. (Specialties here:
 * rheumatology, psychiatry, allergology, which no other test uses.)
 */
@QuarkusTest
@QuarkusTestResource(value = nl.consilium.testing.ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class ConcurrencyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    SchedulingService scheduling;

    /** A specialist of the specialty with only a one-off window on {@code date}. */
    private static String specialistOn(String specialty, LocalDate date, String from, String to, int maxPerWeek) {
        String agb = RegistryFixtures.specialist(specialty, List.of(), maxPerWeek);
        RegistryFixtures.addition(agb, date, from, to);
        return agb;
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(AMSTERDAM).toInstant();
    }

    /** (referral, specialist, start) of the booked appointments of these specialists. */
    private static List<Object[]> booked(Set<String> agbs) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = SecondInstance.connect(); PreparedStatement select = connection.prepareStatement(
                "select referral_id, specialist_agb, starts_at from appointment where status = 'BOOKED'"
                        + " and specialist_agb = any (?)")) {
            select.setArray(1, connection.createArrayOf("varchar", agbs.toArray()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Object[] {result.getObject(1, UUID.class), result.getString(2),
                            result.getObject(3, OffsetDateTime.class).toInstant()});
                }
            }
        }
        return rows;
    }

    @Test
    void bothInstancesChooseTheSameSlotAndTheDatabaseGivesItToOne() throws Exception {
        Instant friday = freshFriday();
        LocalDate monday = dateOf(friday).plusDays(3);
        String agb = specialistOn("rheumatology", monday, "09:00", "10:30", 20);
        SecondInstance second = new SecondInstance();
        IntakeCompleted first = intake("rheumatology", OOST, friday);
        UUID rival = UUID.randomUUID();

        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection observer = SecondInstance.connect()) {
            // the service books Monday 09:00 and keeps its transaction open
            Future<BookingOutcome> service = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                BookingOutcome outcome = scheduling.book(first);
                inserted.countDown();
                commit.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                return outcome;
            }));
            assertThat(inserted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // the second instance cannot see that booking yet, chooses the same slot and waits at the insert
            Future<SecondInstance.Outcome> other = pool.submit(() -> second.book(rival, "rheumatology",
                    first.consultDueOn(), friday));
            await().atMost(WAIT).until(() -> {
                try (var waiting = observer.createStatement().executeQuery("""
                        select count(*) from pg_stat_activity where pid <> pg_backend_pid()
                        and application_name = '%s' and wait_event_type = 'Lock'
                        and query like '%%insert into appointment%%'""".formatted(SecondInstance.APPLICATION_NAME))) {
                    waiting.next();
                    return waiting.getInt(1) > 0 || other.isDone();
                }
            });
            assertThat(other.isDone()).as("the second instance waits for the first one's insert").isFalse();
            commit.countDown();
            assertThat(service.get(30, TimeUnit.SECONDS)).isEqualTo(BookingOutcome.BOOKED);
            SecondInstance.Outcome outcome = other.get(30, TimeUnit.SECONDS);
            // it lost 09:00, marked it taken, asked the engine again and got 09:30
            assertThat(outcome.result().conflicts()).isEqualTo(1);
            assertThat(outcome.result().booked()).isPresent();
            assertThat(outcome.result().booked().get().startsAt()).isEqualTo(at(monday, 9, 30));
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", first.referralId())
                .then().statusCode(200).body("specialistAgb", is(agb)).body("startsAt", is(at(monday, 9, 0).toString()));
        Map<UUID, Instant> starts = booked(Set.of(agb)).stream()
                .collect(Collectors.toMap(r -> (UUID) r[0], r -> (Instant) r[2]));
        assertThat(starts).containsExactlyInAnyOrderEntriesOf(Map.of(first.referralId(), at(monday, 9, 0),
                rival, at(monday, 9, 30)));
    }

    @Test
    void theSameReferralBookedByBothInstancesAtOnceIsBookedOnce() throws Exception {
        Instant friday = freshFriday();
        LocalDate monday = dateOf(friday).plusDays(3);
        String agb = specialistOn("rheumatology", monday, "13:00", "14:00", 20);
        SecondInstance second = new SecondInstance();
        IntakeCompleted intake = intake("rheumatology", OOST, friday);

        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection observer = SecondInstance.connect()) {
            Future<BookingOutcome> service = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                BookingOutcome outcome = scheduling.book(intake);
                inserted.countDown();
                commit.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                return outcome;
            }));
            assertThat(inserted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // the second instance waits for the referral's advisory lock, then finds it booked
            Future<SecondInstance.Outcome> other = pool.submit(() -> second.book(intake.referralId(), "rheumatology",
                    intake.consultDueOn(), friday));
            await().atMost(WAIT).until(() -> {
                try (var waiting = observer.createStatement().executeQuery("""
                        select count(*) from pg_stat_activity where pid <> pg_backend_pid()
                        and application_name = '%s' and wait_event_type = 'Lock'
                        and query like '%%pg_advisory_xact_lock%%'""".formatted(SecondInstance.APPLICATION_NAME))) {
                    waiting.next();
                    return waiting.getInt(1) > 0 || other.isDone();
                }
            });
            assertThat(other.isDone()).as("the second instance waits for the referral's lock").isFalse();
            commit.countDown();
            assertThat(service.get(30, TimeUnit.SECONDS)).isEqualTo(BookingOutcome.BOOKED);
            assertThat(other.get(30, TimeUnit.SECONDS).result()).as("nothing booked: the referral was").isNull();
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        List<Object[]> rows = booked(Set.of(agb));
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()[0]).isEqualTo(intake.referralId());
    }

    @Test
    void manyBookingsOfBothInstancesAtOnceFillEverySlotOnce() throws Exception {
        Instant friday = freshFriday();
        LocalDate monday = dateOf(friday).plusDays(3);
        Set<String> agbs = Set.of(specialistOn("psychiatry", monday, "09:00", "12:00", 20),
                specialistOn("psychiatry", monday, "09:00", "12:00", 20));   // 12 slots
        SecondInstance second = new SecondInstance();
        List<IntakeCompleted> viaService = new ArrayList<>();
        List<UUID> viaSecond = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            viaService.add(intake("psychiatry", OOST, friday));
            viaSecond.add(UUID.randomUUID());
        }
        LocalDate dueOn = viaService.getFirst().consultDueOn();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<BookingOutcome>> serviceOutcomes = new ArrayList<>();
        List<Future<SecondInstance.Outcome>> secondOutcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                IntakeCompleted intake = viaService.get(i);
                UUID referral = viaSecond.get(i);
                serviceOutcomes.add(pool.submit(() -> {
                    start.await();
                    return scheduling.book(intake);
                }));
                secondOutcomes.add(pool.submit(() -> {
                    start.await();
                    return second.book(referral, "psychiatry", dueOn, friday);
                }));
            }
            start.countDown();
            int bookedByService = 0;
            for (Future<BookingOutcome> outcome : serviceOutcomes) {
                BookingOutcome o = outcome.get(60, TimeUnit.SECONDS);
                assertThat(o).isIn(BookingOutcome.BOOKED, BookingOutcome.MATCHING_FAILED);
                bookedByService += o == BookingOutcome.BOOKED ? 1 : 0;
            }
            int bookedBySecond = 0;
            for (Future<SecondInstance.Outcome> outcome : secondOutcomes) {
                SecondInstance.Outcome o = outcome.get(60, TimeUnit.SECONDS);
                if (o.booked()) {
                    bookedBySecond++;
                } else {
                    assertThat(o.result().match().failure()).contains(MatchingFailureReason.NONE_BEFORE_DEADLINE);
                }
            }
            assertThat(bookedByService + bookedBySecond).isEqualTo(12);
        } finally {
            pool.shutdownNow();
        }

        List<Object[]> rows = booked(agbs);
        assertThat(rows).hasSize(12);
        Set<String> slots = rows.stream().map(r -> r[1] + "@" + r[2]).collect(Collectors.toSet());
        assertThat(slots).as("one consult per slot").hasSize(12);
        Set<UUID> referrals = rows.stream().map(r -> (UUID) r[0]).collect(Collectors.toSet());
        assertThat(referrals).as("one slot per referral").hasSize(12);
        Set<UUID> all = new HashSet<>(viaSecond);
        viaService.forEach(i -> all.add(i.referralId()));
        assertThat(all).containsAll(referrals);
    }

    @Test
    void twoHundredIntakesForFewSlotsBookEachSlotOnceAndFailTheRest() throws Exception {
        Instant friday = freshFriday();
        LocalDate monday = dateOf(friday).plusDays(3);
        Set<String> agbs = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String agb = specialistOn("allergology", monday, "09:00", "11:00", 6);
            RegistryFixtures.addition(agb, monday.plusDays(1), "09:00", "11:00");
            agbs.add(agb);
        }
        // 3 × 8 slots, but at most 6 consults a week each: 18 can be booked
        Map<String, IntakeCompleted> intakes = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            IntakeCompleted intake = intake("allergology", OOST, friday);
            intakes.put(intake.referralId().toString(), intake);
        }
        for (IntakeCompleted intake : intakes.values()) {
            EventEnvelope<IntakeCompleted> envelope = envelope(intake);
            TestKafka.publish(envelope);
        }

        List<ConsumerRecord<String, String>> answers = TestKafka.awaitRecords(Topics.SCHEDULING,
                r -> intakes.containsKey(r.key()), 200, Duration.ofSeconds(180));
        Map<String, List<String>> typesPerReferral = answers.stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(r -> TestKafka.decode(r).orElseThrow().type(),
                        Collectors.toList())));
        assertThat(typesPerReferral).as("every referral answered once").hasSize(200);
        assertThat(typesPerReferral.values()).allSatisfy(types -> assertThat(types).hasSize(1));
        Map<String, Long> perType = typesPerReferral.values().stream().map(List::getFirst)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perType).containsOnly(Map.entry(EventType.CONSULT_SCHEDULED.wireName(), 18L),
                Map.entry(EventType.MATCHING_FAILED.wireName(), 182L));
        assertThat(answers.stream().map(TestKafka::decode).map(e -> e.orElseThrow())
                .filter(e -> e.type().equals(EventType.MATCHING_FAILED.wireName()))
                .map(e -> e.dataAs(MatchingFailed.class).reason()))
                .containsOnly(MatchingFailureReason.NONE_BEFORE_DEADLINE);

        List<Object[]> rows = booked(agbs);
        assertThat(rows).hasSize(18);
        assertThat(rows.stream().map(r -> r[1] + "@" + r[2]).distinct()).as("one consult per slot").hasSize(18);
        Map<Object, Long> perSpecialist = rows.stream().collect(Collectors.groupingBy(r -> r[1], Collectors.counting()));
        assertThat(perSpecialist.values()).as("the weekly maximum").containsOnly(6L);
        assertThat(rows.stream().map(r -> r[0].toString())).allMatch(intakes::containsKey);
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests/{id}",
                        rows.getFirst()[0]).then().statusCode(200).body("status", is("BOOKED"));
    }
}
