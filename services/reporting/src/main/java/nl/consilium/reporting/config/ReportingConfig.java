package nl.consilium.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Reporting's settings (CONSILIUM_REPORTING_...). */
@ConfigMapping(prefix = "consilium.reporting")
public interface ReportingConfig {

    /** How many of a GP's referrals the list shows at most, newest first. */
    @WithDefault("200")
    int gpListLimit();

    /** The organisation's figures when {@code from}/{@code to} are not given, and the metrics. */
    Insight insight();

    /** The Prometheus gauges. */
    Metrics metrics();

    /** Rebuilding the projections from the topics. */
    Rebuild rebuild();

    interface Insight {
        /** The period of {@code /api/reporting/sla} and {@code /outcomes} without {@code from}: this many days up to {@code to}. */
        @WithDefault("30")
        int defaultPeriodDays();

        /** The longest period one request may ask for, in days. */
        @WithDefault("1096")
        int maxPeriodDays();
    }

    interface Metrics {
        /** How often the gauges are recomputed ({@code off} switches the job off). */
        @WithDefault("PT1M")
        String interval();

        /** The gauges' period: referrals received in the last this-long. */
        @WithDefault("P30D")
        Duration window();
    }

    interface Rebuild {
        /** A rebuild fails when the broker hands out nothing for this long before the end offsets are reached. */
        @WithDefault("PT2M")
        Duration idleTimeout();

        /** How often (in records) a running rebuild records its progress. */
        @WithDefault("500")
        int progressEvery();
    }
}
