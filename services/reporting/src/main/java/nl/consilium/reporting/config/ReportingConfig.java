package nl.consilium.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reporting's settings (CONSILIUM_REPORTING_...). */
@ConfigMapping(prefix = "consilium.reporting")
public interface ReportingConfig {

    /** How many of a GP's referrals the list shows at most, newest first. */
    @WithDefault("200")
    int gpListLimit();
}
