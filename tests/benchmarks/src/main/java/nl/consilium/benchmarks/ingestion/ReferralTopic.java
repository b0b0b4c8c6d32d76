package nl.consilium.benchmarks.ingestion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code consilium.referral} from the beginning to its current end and collects, per record key
 * (the referral id), the {@code ReferralReceived} records: their event ids ({@code ce_id}) and the
 * earliest record timestamp (set by the gateway's producer when its outbox relay sent it). Payloads are
 * not read.
 */
final class ReferralTopic {

    /** The ReferralReceived records of one referral. */
    record Received(int records, Set<String> eventIds, long firstTimestampMillis) {
    }

    private final String bootstrap;

    ReferralTopic(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    Map<String, Received> referralReceivedByKey(Set<String> keys) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        String type = EventType.REFERRAL_RECEIVED.wireName();
        Map<String, Received> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REFERRAL, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.REFERRAL, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!keys.contains(record.key()) || !type.equals(header(record, "ce_type"))) {
                        continue;
                    }
                    String eventId = header(record, "ce_id");
                    found.merge(record.key(), new Received(1, new HashSet<>(Set.of(eventId == null ? "" : eventId)),
                            record.timestamp()), (a, b) -> {
                                Set<String> ids = new HashSet<>(a.eventIds());
                                ids.addAll(b.eventIds());
                                return new Received(a.records() + b.records(), ids,
                                        Math.min(a.firstTimestampMillis(), b.firstTimestampMillis()));
                            });
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
