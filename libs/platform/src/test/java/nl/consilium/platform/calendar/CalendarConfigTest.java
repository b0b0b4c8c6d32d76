package nl.consilium.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import nl.consilium.calendar.CalendarSettings;
import nl.consilium.calendar.HolidayRules;
import nl.consilium.calendar.IntakeMode;
import nl.consilium.calendar.WorkingDayCalendar;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/**
 * The mapping from configuration to the calendar, through SmallRye Config itself (the library
 * Quarkus maps {@code @ConfigMapping}s with), without starting Quarkus.
 */
class CalendarConfigTest {

    @Test
    void withNothingSetTheCalendarHasTheDefaults() {
        CalendarConfig config = map(properties(Map.of()));
        assertThat(CalendarSettingsFromConfig.settings(config)).isEqualTo(CalendarSettings.defaults());
        assertThat(config.goodFriday()).isTrue();
        assertThat(config.liberationDay()).isTrue();
        assertThat(config.closingDays()).isEmpty();
        assertThat(config.recurringClosingDays()).isEmpty();
        assertThat(config.consultWorkingDays()).isEqualTo(10);
        assertThat(config.intake().mode()).isEqualTo(IntakeMode.CLOCK_HOURS);
        assertThat(config.intake().duration()).isEqualTo(Duration.ofHours(24));
        assertThat(config.workingHours().start()).isEqualTo(LocalTime.of(8, 0));
        assertThat(config.workingHours().end()).isEqualTo(LocalTime.of(17, 0));
    }

    @Test
    void everyPropertyReachesTheSettings() {
        CalendarConfig config = map(properties(Map.of(
                "consilium.calendar.good-friday", "false",
                "consilium.calendar.liberation-day", "false",
                "consilium.calendar.closing-days", "2026-12-24, 2027-05-07",
                "consilium.calendar.recurring-closing-days", "12-31,--02-29",
                "consilium.calendar.consult-working-days", "7",
                "consilium.calendar.intake.mode", "WORKING_HOURS",
                "consilium.calendar.intake.duration", "PT16H",
                "consilium.calendar.working-hours.start", "09:00",
                "consilium.calendar.working-hours.end", "17:30")));
        assertThat(CalendarSettingsFromConfig.settings(config)).isEqualTo(new CalendarSettings(
                new HolidayRules(false, false, Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 5, 7)),
                        Set.of(MonthDay.of(12, 31), MonthDay.of(2, 29))),
                7, IntakeMode.WORKING_HOURS, Duration.ofHours(16), LocalTime.of(9, 0), LocalTime.of(17, 30)));
    }

    /** The environment variable names libs/calendar/README.md gives. */
    @Test
    void environmentVariablesSetThemToo() {
        CalendarConfig config = map(new EnvConfigSource(Map.of(
                "CONSILIUM_CALENDAR_GOOD_FRIDAY", "false",
                "CONSILIUM_CALENDAR_LIBERATION_DAY", "false",
                "CONSILIUM_CALENDAR_CLOSING_DAYS", "2026-12-24",
                "CONSILIUM_CALENDAR_RECURRING_CLOSING_DAYS", "12-31",
                "CONSILIUM_CALENDAR_CONSULT_WORKING_DAYS", "5",
                "CONSILIUM_CALENDAR_INTAKE_MODE", "WORKING_HOURS",
                "CONSILIUM_CALENDAR_INTAKE_DURATION", "PT8H",
                "CONSILIUM_CALENDAR_WORKING_HOURS_START", "07:30",
                "CONSILIUM_CALENDAR_WORKING_HOURS_END", "16:00"), 300));
        CalendarSettings settings = CalendarSettingsFromConfig.settings(config);
        assertThat(settings.holidayRules()).isEqualTo(HolidayRules.algemeneTermijnenwet().withGoodFriday(false)
                .withLiberationDay(false).withClosingDays(LocalDate.of(2026, 12, 24))
                .withRecurringClosingDays(MonthDay.of(12, 31)));
        assertThat(settings.consultWorkingDays()).isEqualTo(5);
        assertThat(settings.intakeMode()).isEqualTo(IntakeMode.WORKING_HOURS);
        assertThat(settings.intakeDuration()).isEqualTo(Duration.ofHours(8));
        assertThat(settings.workingDayStart()).isEqualTo(LocalTime.of(7, 30));
        assertThat(settings.workingDayEnd()).isEqualTo(LocalTime.of(16, 0));
    }

    @Test
    void theProducerBuildsTheCalendarFromTheConfiguration() {
        WorkingDayCalendar calendar = new CalendarBeans().workingDayCalendar(map(properties(Map.of(
                "consilium.calendar.closing-days", "2026-12-03"))));
        // the example, Monday 2026-11-23 → Monday 2026-12-07, one day later for the closing day
        assertThat(calendar.consultDueOn(Instant.parse("2026-11-23T10:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(new CalendarBeans().workingDayCalendar(map(properties(Map.of()))))
                .isEqualTo(WorkingDayCalendar.dutch());
    }

    @Test
    void wrongValuesAreAllReportedByTheirPropertyNames() {
        CalendarConfig config = map(properties(Map.of(
                "consilium.calendar.closing-days", "2026-12-24,2026-02-30,24-12-2026",
                "consilium.calendar.recurring-closing-days", "12-24,13-01,Dec 24",
                "consilium.calendar.consult-working-days", "0",
                "consilium.calendar.intake.duration", "PT0S",
                "consilium.calendar.working-hours.start", "17:00",
                "consilium.calendar.working-hours.end", "08:00")));
        assertThatThrownBy(() -> CalendarSettingsFromConfig.settings(config))
                .isInstanceOfSatisfying(ConfigValidationException.class, e -> assertThat(problems(e)).containsExactly(
                        "consilium.calendar.closing-days: \"2026-02-30\" is not a date (yyyy-MM-dd, e.g. 2026-12-24)",
                        "consilium.calendar.closing-days: \"24-12-2026\" is not a date (yyyy-MM-dd, e.g. 2026-12-24)",
                        "consilium.calendar.recurring-closing-days: \"13-01\" is not a month and day (MM-dd, e.g. 12-24)",
                        "consilium.calendar.recurring-closing-days: \"Dec 24\" is not a month and day (MM-dd, e.g. 12-24)",
                        "consilium.calendar.consult-working-days must be at least 1, not 0",
                        "consilium.calendar.intake.duration must be positive, not PT0S",
                        "consilium.calendar.working-hours.end (08:00) must be after consilium.calendar.working-hours.start (17:00)"));
    }

    @Test
    void anEqualStartAndEndIsRefusedToo() {
        CalendarConfig config = map(properties(Map.of(
                "consilium.calendar.working-hours.start", "09:00",
                "consilium.calendar.working-hours.end", "09:00")));
        assertThatThrownBy(() -> CalendarSettingsFromConfig.settings(config))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("consilium.calendar.working-hours.end");
    }

    @Test
    void aValueOfTheWrongTypeFailsTheMappingNamingTheProperty() {
        assertThatThrownBy(() -> map(properties(Map.of("consilium.calendar.working-hours.start", "8am"))))
                .hasMessageContaining("consilium.calendar.working-hours.start");
        assertThatThrownBy(() -> map(properties(Map.of("consilium.calendar.intake.mode", "OFFICE_HOURS"))))
                .hasMessageContaining("consilium.calendar.intake.mode");
    }

    private static List<String> problems(ConfigValidationException e) {
        return IntStream.range(0, e.getProblemCount()).mapToObj(i -> e.getProblem(i).getMessage()).toList();
    }

    private static ConfigSource properties(Map<String, String> values) {
        return new PropertiesConfigSource(values, "test", 400);
    }

    private static CalendarConfig map(ConfigSource source) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(source)
                .withMapping(CalendarConfig.class)
                .build();
        return config.getConfigMapping(CalendarConfig.class);
    }
}
