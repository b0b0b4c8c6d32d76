package nl.consilium.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsiliumTestInfrastructureTest {

    private static Map<String, String> config;

    @BeforeAll
    static void start() {
        ConsiliumTestInfrastructure infrastructure = new ConsiliumTestInfrastructure();
        infrastructure.init(Map.of(ConsiliumTestInfrastructure.SERVICE, "infra-test"));
        config = infrastructure.start();
    }

    @Test
    void returnsTheConfigOfAServiceTest() {
        assertThat(config)
                .containsEntry("quarkus.devservices.enabled", "false")
                .containsEntry("quarkus.datasource.username", "infra_test")
                .containsEntry("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD)
                .containsEntry("quarkus.oidc.public-key", Tokens.publicKeyBase64())
                .containsEntry("quarkus.oidc.token.issuer", "https://consilium.test/realms/consilium")
                .containsEntry("quarkus.oidc.roles.role-claim-path", "realm_access/roles")
                .containsEntry("kafka.bootstrap.servers", ConsiliumTestInfrastructure.bootstrapServers())
                .containsEntry("mp.messaging.connector.smallrye-kafka.bootstrap.servers",
                        ConsiliumTestInfrastructure.bootstrapServers());
        // build-time settings have no place in a test resource's runtime config (see the README)
        assertThat(config).doesNotContainKey("quarkus.datasource.db-kind");
        assertThat(config.get("quarkus.datasource.jdbc.url"))
                .matches("jdbc:postgresql://localhost:\\d+/infra_test")
                .isEqualTo(ConsiliumTestInfrastructure.jdbcUrl());
        assertThat(ConsiliumTestInfrastructure.bootstrapServers()).matches("localhost:\\d+");
    }

    @Test
    void theServiceRoleOwnsARealPostgresDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(ConsiliumTestInfrastructure.jdbcUrl(),
                ConsiliumTestInfrastructure.username(), ConsiliumTestInfrastructure.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE referral (id uuid PRIMARY KEY, agb text NOT NULL, received timestamptz)");
            statement.execute("INSERT INTO referral VALUES (gen_random_uuid(), '01123456', now()),"
                    + " (gen_random_uuid(), '01999999', now())");
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT count(*), current_user, current_database(), current_setting('server_version_num')::int"
                            + " FROM referral WHERE agb = ?")) {
                query.setString(1, "01123456");
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getInt(1)).isEqualTo(1);
                    assertThat(row.getString(2)).isEqualTo("infra_test");
                    assertThat(row.getString(3)).isEqualTo("infra_test");
                    assertThat(row.getInt(4)).isGreaterThanOrEqualTo(170000);
                }
            }
            // constraints are enforced by the real server
            assertThatThrownBy(() -> statement.execute("INSERT INTO referral (id) VALUES (gen_random_uuid())"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("not-null");
            statement.execute("DROP TABLE referral");
        }
    }

    @Test
    void aSecondStartReusesTheServersAndAddsItsOwnDatabase() throws Exception {
        ConsiliumTestInfrastructure other = new ConsiliumTestInfrastructure();
        other.init(Map.of(ConsiliumTestInfrastructure.SERVICE, "second"));
        Map<String, String> second = other.start();
        other.stop();
        try {
            assertThat(second.get("kafka.bootstrap.servers")).isEqualTo(config.get("kafka.bootstrap.servers"));
            String firstUrl = config.get("quarkus.datasource.jdbc.url");
            assertThat(second.get("quarkus.datasource.jdbc.url"))
                    .isEqualTo(firstUrl.substring(0, firstUrl.lastIndexOf('/')) + "/second");
            // stop() left both servers running: both databases and the broker still answer
            for (Map<String, String> service : List.of(config, second)) {
                try (Connection connection = DriverManager.getConnection(service.get("quarkus.datasource.jdbc.url"),
                        service.get("quarkus.datasource.username"), service.get("quarkus.datasource.password"));
                        ResultSet row = connection.createStatement().executeQuery("SELECT current_user")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo(service.get("quarkus.datasource.username"));
                }
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    second.get("kafka.bootstrap.servers")))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
        } finally {
            // the static accessors follow the service started last: back to this class's service
            start();
        }
    }

    @Test
    void keepsItsFilesBelowJavaIoTmpdir() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        assertThat(SharedServers.workDirectory()).startsWith(tmp).isDirectory();
        assertThat(SharedServers.workDirectory().resolve("postgres")).isDirectory();
        try (var entries = Files.list(tmp)) {
            assertThat(entries.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("epg"));
        }
        try (var entries = Files.list(SharedServers.workDirectory())) {
            assertThat(entries.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("kafka-"));
        }
    }

    /** A {@code @ConfigMapping(prefix = "consilium")} in a service fails on unknown consilium.* properties. */
    @Test
    void setsNoSystemPropertiesThatAServicesConfigWouldSee() {
        assertThat(System.getProperties().stringPropertyNames())
                .noneMatch(name -> name.startsWith("consilium") || name.startsWith("quarkus"));
    }

    @Test
    void rejectsAServiceNameThatIsNoPlainIdentifier() {
        ConsiliumTestInfrastructure bad = new ConsiliumTestInfrastructure();
        bad.init(Map.of(ConsiliumTestInfrastructure.SERVICE, "x; DROP DATABASE postgres"));
        assertThatThrownBy(bad::start).isInstanceOf(IllegalArgumentException.class);
    }
}
