package nl.consilium.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Intake's own settings (CONSILIUM_INTAKE_...). The deadlines come from the working-day calendar
 * ({@code consilium.calendar.*}, libs/calendar/README.md).
 */
@ConfigMapping(prefix = "consilium.intake")
public interface IntakeConfig {

    /**
     * How long a claim lasts without activity of its holder; after that another nurse may take it over
     * ({@code takeOver=true}).
     */
    @WithDefault("PT30M")
    Duration claimStaleAfter();

    Overdue overdue();

    Worklist worklist();

    interface Overdue {
        /**
         * How often the overdue job runs: a Quarkus scheduler interval ({@code 60s}, {@code PT1M}), or
         * {@code off} to switch it off on this instance. Read by {@code @Scheduled} from the property.
         */
        @WithDefault("PT1M")
        String interval();

        /** Cases marked overdue per transaction. */
        @WithDefault("200")
        int batchSize();
    }

    interface Worklist {
        /** The page size when the request names none. */
        @WithDefault("20")
        int defaultPageSize();

        /** The largest page size a request may ask for. */
        @WithDefault("100")
        int maxPageSize();
    }
}
