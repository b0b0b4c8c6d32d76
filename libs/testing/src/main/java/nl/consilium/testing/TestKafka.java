package nl.consilium.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.EventType;
import nl.consilium.events.MalformedEventException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain kafka-clients helpers over the broker of {@link ConsiliumTestInfrastructure}: send a record
 * the way another service would, and read what a service published. Every read starts at the
 * beginning of the topic with a consumer of its own (a fresh group id, nothing committed) and sees
 * only records of committed transactions ({@code isolation.level=read_committed}), so records of an
 * aborted transaction never count.
 */
public final class TestKafka {

    /** The Kafka header that carries the CloudEvents type beside the structured JSON value. */
    public static final String TYPE_HEADER = "ce_type";

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);
    private static final int DESCRIBED_RECORDS = 20;

    private static KafkaProducer<String, String> producer;
    private static String producerBootstrapServers;

    private TestKafka() {
    }

    /** Sends one record and waits until the broker has it. */
    public static RecordMetadata send(String topic, String key, String value) {
        return send(new ProducerRecord<>(topic, key, value));
    }

    /**
     * Publishes an event as its producing service does: to its type's topic, keyed by its partition
     * key, the CloudEvents JSON as value and the type in header {@value #TYPE_HEADER}.
     */
    public static RecordMetadata publish(EventEnvelope<? extends ConsiliumEvent> envelope) {
        ProducerRecord<String, String> record = new ProducerRecord<>(envelope.eventType().topic(),
                envelope.data().partitionKey(), EventCodec.encode(envelope));
        record.headers().add(TYPE_HEADER, envelope.type().getBytes(StandardCharsets.UTF_8));
        return send(record);
    }

    /**
     * Reads {@code topic} from the beginning until {@code count} records match, and returns the
     * matching records read by then (at least {@code count}).
     *
     * @throws AssertionError when fewer matched within {@code timeout}
     */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = consumerFromBeginning(topic, deadline)) {
            while (matched.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    seen.add(record);
                    if (match.test(record)) {
                        matched.add(record);
                    }
                }
            }
        }
        if (matched.size() < count) {
            throw new AssertionError("Expected " + count + " matching record(s) on " + topic + " within "
                    + timeout + " but found " + matched.size() + " among " + seen.size() + ": "
                    + describe(seen));
        }
        return matched;
    }

    /**
     * Every record of {@code topic}: reads from the beginning until the end offsets are reached and
     * nothing new arrived for {@code settle}. Meant for "exactly once" and "nothing published"
     * assertions, so {@code settle} should cover the time a service needs to publish.
     */
    public static List<ConsumerRecord<String, String>> allRecords(String topic, Duration settle) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Instant giveUp = Instant.now().plus(settle).plus(READ_LIMIT);
        try (KafkaConsumer<String, String> consumer = consumerFromBeginning(topic, giveUp)) {
            Instant quietSince = Instant.now();
            while (Instant.now().isBefore(giveUp)) {
                var batch = consumer.poll(POLL);
                batch.forEach(records::add);
                if (!batch.isEmpty()) {
                    quietSince = Instant.now();
                } else if (Instant.now().isAfter(quietSince.plus(settle)) && atEnd(consumer)) {
                    return records;
                }
            }
        }
        throw new AssertionError("Topic " + topic + " did not settle for " + settle + " within " + READ_LIMIT
                + " (" + records.size() + " records read)");
    }

    /**
     * Waits for an event of the given CloudEvents type (e.g. {@code nl.consilium.intake.IntakeCompleted.v1})
     * about {@code subject} (the referral id) and returns it decoded.
     *
     * @throws AssertionError when none arrives within {@code timeout}
     */
    public static EventEnvelope<ConsiliumEvent> awaitEvent(String topic, String eventTypeWireName, String subject,
            Duration timeout) {
        ConsumerRecord<String, String> record = awaitRecords(topic,
                r -> decode(r).filter(e -> isEvent(e, eventTypeWireName, subject)).isPresent(), 1, timeout).getFirst();
        return decode(record).orElseThrow();
    }

    /** {@link #awaitEvent(String, String, String, Duration)} on the type's own topic. */
    public static EventEnvelope<ConsiliumEvent> awaitEvent(EventType type, String subject, Duration timeout) {
        return awaitEvent(type.topic(), type.wireName(), subject, timeout);
    }

    /** Every event of that type about {@code subject} on its topic, after {@code settle} (see {@link #allRecords}). */
    public static List<EventEnvelope<ConsiliumEvent>> events(EventType type, String subject, Duration settle) {
        return allRecords(type.topic(), settle).stream()
                .flatMap(r -> decode(r).stream())
                .filter(e -> isEvent(e, type.wireName(), subject))
                .toList();
    }

    /**
     * The record's value as a Consilium event; empty when it is not one this contract knows (another
     * type, or not a CloudEvents envelope at all).
     */
    public static Optional<EventEnvelope<ConsiliumEvent>> decode(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return EventCodec.decode(record.value());
        } catch (MalformedEventException e) {
            return Optional.empty();
        }
    }

    private static boolean isEvent(EventEnvelope<ConsiliumEvent> event, String wireName, String subject) {
        return event.type().equals(wireName) && subject.equals(event.subject());
    }

    private static synchronized RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return producer().send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot send to " + record.topic(), e);
        }
    }

    /** One producer per broker, kept for the JVM's life (its I/O thread is a daemon). */
    private static KafkaProducer<String, String> producer() {
        String bootstrapServers = ConsiliumTestInfrastructure.bootstrapServers();
        if (producer == null || !bootstrapServers.equals(producerBootstrapServers)) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(1));
            }
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.CLIENT_ID_CONFIG, "consilium-test-producer"),
                    new StringSerializer(), new StringSerializer());
            producerBootstrapServers = bootstrapServers;
        }
        return producer;
    }

    /** A consumer assigned to all partitions of {@code topic} (created if missing), at their start. */
    private static KafkaConsumer<String, String> consumerFromBeginning(String topic, Instant deadline) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConsiliumTestInfrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "consilium-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        try {
            List<PartitionInfo> partitions = List.of();
            while (partitions.isEmpty()) {
                partitions = consumer.partitionsFor(topic, remaining(deadline));
                if (partitions.isEmpty() && Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Topic " + topic + " has no partitions");
                }
            }
            List<TopicPartition> assignment = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assignment);
            consumer.seekToBeginning(assignment);
            return consumer;
        } catch (RuntimeException | Error e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
    }

    private static boolean atEnd(KafkaConsumer<String, String> consumer) {
        return consumer.endOffsets(consumer.assignment()).entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ofMillis(1) : left;
    }

    /** The last few records, for a failure message. */
    private static String describe(List<ConsumerRecord<String, String>> records) {
        return records.subList(Math.max(0, records.size() - DESCRIBED_RECORDS), records.size()).stream()
                .map(r -> "[key=" + r.key() + " " + TYPE_HEADER + "=" + header(r) + " value=" + abbreviate(r.value()) + "]")
                .collect(Collectors.joining(", "));
    }

    private static String header(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(TYPE_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        return value == null || value.length() <= 200 ? value : value.substring(0, 200) + "...";
    }
}
