package nl.consilium.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Checks the local Kafka broker.
 * <ul>
 *   <li>{@code ready <bootstrap> [seconds]}: waits until the broker answers a metadata request and has a
 *       controller (exit 0), or gives up after the timeout (default 60 s, exit 1).</li>
 *   <li>{@code roundtrip <bootstrap>}: produces a record to {@code consilium.local.check} (auto-created)
 *       and consumes it back, proving the broker accepts writes and serves reads.</li>
 * </ul>
 */
public final class KafkaCheck {

    static final String TOPIC = "consilium.local.check";

    private KafkaCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: KafkaCheck ready|roundtrip <bootstrap> [seconds]");
            System.exit(2);
        }
        String bootstrap = args[1];
        Duration timeout = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
        boolean ok = switch (args[0]) {
            case "ready" -> ready(bootstrap, timeout);
            case "roundtrip" -> roundtrip(bootstrap, timeout);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        System.exit(ok ? 0 : 1);
    }

    static boolean ready(String bootstrap, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    var cluster = admin.describeCluster();
                    if (cluster.controller().get(5, TimeUnit.SECONDS) != null
                            && !cluster.nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return true;
                    }
                } catch (Exception e) {
                    if (Instant.now().isAfter(deadline)) {
                        System.err.println("Kafka at " + bootstrap + " not ready: " + e);
                        return false;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    return false;
                }
                Thread.sleep(250);
            }
        }
    }

    static boolean roundtrip(String bootstrap, Duration timeout) throws Exception {
        String value = "check-" + UUID.randomUUID();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            var meta = producer.send(new ProducerRecord<>(TOPIC, value, value)).get(timeout.toSeconds(), TimeUnit.SECONDS);
            System.out.println("produced to " + meta.topic() + "-" + meta.partition() + "@" + meta.offset());
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "consilium-local-check-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (value.equals(r.value())) {
                        System.out.println("consumed " + r.topic() + "-" + r.partition() + "@" + r.offset());
                        return true;
                    }
                }
            }
        }
        System.err.println("record " + value + " not consumed within " + timeout);
        return false;
    }

}
