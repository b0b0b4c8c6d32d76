package nl.consilium.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker in KRaft mode, in this JVM: one node that is broker and controller at once
 * (Kafka's own {@link KafkaClusterTestKit}), listening on a random port of localhost. Its version is
 * the kafka-clients version that the Quarkus BOM pins, since the test kit is internal Kafka API.
 */
final class EmbeddedKafkaBroker implements AutoCloseable {

    /** Broker settings for a single node; everything else is Kafka's default. */
    private static final Map<String, String> BROKER_CONFIG = Map.ofEntries(
            Map.entry("auto.create.topics.enable", "true"),
            Map.entry("num.partitions", "1"),
            Map.entry("default.replication.factor", "1"),
            Map.entry("min.insync.replicas", "1"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            // consumers of a new group start at once instead of waiting 3 s for more members
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            // behave like a released broker: no unstable protocol or feature versions
            Map.entry("unstable.api.versions.enable", "false"),
            Map.entry("unstable.feature.versions.enable", "false"));

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static EmbeddedKafkaBroker start(Path baseDirectory) throws Exception {
        Files.createDirectories(baseDirectory);
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(baseDirectory)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
        BROKER_CONFIG.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception | Error e) {
            try {
                cluster.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new EmbeddedKafkaBroker(cluster);
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the Kafka broker", e);
        }
    }
}
