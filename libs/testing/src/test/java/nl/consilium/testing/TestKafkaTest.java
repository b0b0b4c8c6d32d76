package nl.consilium.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.scheduling.ConsultScheduled;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestKafkaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @BeforeAll
    static void start() {
        ConsiliumTestInfrastructure infrastructure = new ConsiliumTestInfrastructure();
        infrastructure.init(Map.of());
        infrastructure.start();
    }

    @Test
    void sendsAndReadsRecordsThroughTheBroker() {
        String topic = "test.roundtrip." + UUID.randomUUID();
        TestKafka.send(topic, "k1", "first");
        TestKafka.send(topic, "k2", "second");
        TestKafka.send(topic, "k1", "third");

        List<ConsumerRecord<String, String>> k1 = TestKafka.awaitRecords(topic, r -> "k1".equals(r.key()), 2, TIMEOUT);

        assertThat(k1).extracting(ConsumerRecord::value).containsExactly("first", "third");
        assertThat(TestKafka.allRecords(topic, Duration.ofMillis(300)))
                .extracting(ConsumerRecord::value).containsExactly("first", "second", "third");
    }

    @Test
    void awaitRecordsFailsWhenTooFewMatch() {
        String topic = "test.missing." + UUID.randomUUID();
        TestKafka.send(topic, "k", "only one");

        assertThatThrownBy(() -> TestKafka.awaitRecords(topic, r -> true, 2, Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 2 matching record(s)")
                .hasMessageContaining("found 1");
    }

    @Test
    void anEmptyTopicHasNoRecords() {
        assertThat(TestKafka.allRecords("test.empty." + UUID.randomUUID(), Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void awaitsAPublishedEventBySubjectAndDecodesIt() {
        UUID referral = UUID.randomUUID();
        ConsultScheduled scheduled = new ConsultScheduled(referral, UUID.randomUUID(), UUID.randomUUID(), "03111111",
                "Dr. A. Smit", "cardiology", Instant.parse("2026-11-25T09:00:00Z"),
                Instant.parse("2026-11-25T09:30:00Z"));
        TestKafka.publish(EventEnvelope.of(scheduled, "scheduling", Instant.now()));
        // another referral's event and a record that is no event at all share the topic
        TestKafka.publish(EventEnvelope.of(new ConsultScheduled(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "03222222", "Dr. B. Bos", "neurology", scheduled.startsAt(), scheduled.endsAt()),
                "scheduling", Instant.now()));
        TestKafka.send(Topics.SCHEDULING, referral.toString(), "not json");

        EventEnvelope<ConsiliumEvent> event = TestKafka.awaitEvent(Topics.SCHEDULING,
                "nl.consilium.scheduling.ConsultScheduled.v1", referral.toString(), TIMEOUT);

        assertThat(event.subject()).isEqualTo(referral.toString());
        assertThat(event.source()).isEqualTo("/consilium/scheduling");
        assertThat(event.dataAs(ConsultScheduled.class)).isEqualTo(scheduled);
        assertThat(TestKafka.events(EventType.CONSULT_SCHEDULED, referral.toString(), Duration.ofMillis(300)))
                .hasSize(1);
        ConsumerRecord<String, String> record = TestKafka.awaitRecords(Topics.SCHEDULING,
                r -> referral.toString().equals(r.key()) && TestKafka.decode(r).isPresent(), 1, TIMEOUT).getFirst();
        assertThat(record.headers().lastHeader(TestKafka.TYPE_HEADER).value())
                .asString().isEqualTo("nl.consilium.scheduling.ConsultScheduled.v1");
    }

    @Test
    void awaitEventFailsForAnotherSubject() {
        assertThatThrownBy(() -> TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED, UUID.randomUUID().toString(),
                Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class);
    }
}
