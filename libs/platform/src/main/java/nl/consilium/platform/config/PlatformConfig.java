package nl.consilium.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings libs/platform reads; every one can be set by environment variable (CONSILIUM_...). */
@ConfigMapping(prefix = "consilium")
public interface PlatformConfig {

    /** The service's name: the CloudEvents source, the consumer group and the audit record's service. */
    String serviceName();

    Outbox outbox();

    interface Outbox {
        /** How often the relay looks for unpublished rows when no commit woke it. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Rows published per relay transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long published rows are kept (for diagnosis) before they are deleted. */
        @WithDefault("P1D")
        Duration retention();

        /** Whether this instance runs the relay at all (off for tests that inspect the table). */
        @WithDefault("true")
        boolean relayEnabled();
    }
}
