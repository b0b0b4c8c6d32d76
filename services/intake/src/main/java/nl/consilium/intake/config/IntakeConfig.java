package nl.consilium.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Intake's service levels (CONSILIUM_INTAKE_...). */
@ConfigMapping(prefix = "consilium.intake")
public interface IntakeConfig {

    /** How soon after the referral the nurse must have held the telephone intake. */
    @WithDefault("PT24H")
    Duration intakeWindow();

    /** Working days between the intake decision and the last day for the video consult. */
    @WithDefault("10")
    int consultWorkingDays();

    /** The time zone that decides which calendar day it is. */
    @WithDefault("Europe/Amsterdam")
    ZoneId zone();
}
