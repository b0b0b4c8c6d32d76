package nl.consilium.platform.calendar;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValidationException.Problem;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.consilium.calendar.CalendarSettings;
import nl.consilium.calendar.HolidayRules;

/**
 * Turns {@link CalendarConfig} into {@link CalendarSettings}, checking every value and naming the
 * property of each that is wrong (all of them at once, so one restart fixes them).
 */
public final class CalendarSettingsFromConfig {

    static final String PREFIX = "consilium.calendar.";
    static final String CLOSING_DAYS = PREFIX + "closing-days";
    static final String RECURRING_CLOSING_DAYS = PREFIX + "recurring-closing-days";
    static final String CONSULT_WORKING_DAYS = PREFIX + "consult-working-days";
    static final String INTAKE_DURATION = PREFIX + "intake.duration";
    static final String WORKING_HOURS_START = PREFIX + "working-hours.start";
    static final String WORKING_HOURS_END = PREFIX + "working-hours.end";

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH_DAY = Pattern.compile("(--)?\\d{2}-\\d{2}");

    private CalendarSettingsFromConfig() {
    }

    /**
     * The settings the configuration describes.
     *
     * @throws ConfigValidationException listing every property whose value is wrong
     */
    public static CalendarSettings settings(CalendarConfig config) {
        List<Problem> problems = new ArrayList<>();

        List<LocalDate> closingDays = new ArrayList<>();
        for (String value : config.closingDays().orElse(List.of())) {
            String day = value.strip();
            LocalDate date = ISO_DATE.matcher(day).matches() ? parse(day, LocalDate::parse) : null;
            if (date == null) {
                problems.add(new Problem(CLOSING_DAYS + ": \"" + day + "\" is not a date (yyyy-MM-dd, e.g. 2026-12-24)"));
            } else {
                closingDays.add(date);
            }
        }

        List<MonthDay> recurring = new ArrayList<>();
        for (String value : config.recurringClosingDays().orElse(List.of())) {
            String day = value.strip();
            MonthDay monthDay = MONTH_DAY.matcher(day).matches()
                    ? parse(day.startsWith("--") ? day : "--" + day, MonthDay::parse)
                    : null;
            if (monthDay == null) {
                problems.add(new Problem(RECURRING_CLOSING_DAYS + ": \"" + day
                        + "\" is not a month and day (MM-dd, e.g. 12-24)"));
            } else {
                recurring.add(monthDay);
            }
        }

        if (config.consultWorkingDays() < 1) {
            problems.add(new Problem(CONSULT_WORKING_DAYS + " must be at least 1, not " + config.consultWorkingDays()));
        }
        if (config.intake().duration().isZero() || config.intake().duration().isNegative()) {
            problems.add(new Problem(INTAKE_DURATION + " must be positive, not " + config.intake().duration()));
        }
        if (!config.workingHours().end().isAfter(config.workingHours().start())) {
            problems.add(new Problem(WORKING_HOURS_END + " (" + config.workingHours().end() + ") must be after "
                    + WORKING_HOURS_START + " (" + config.workingHours().start() + ")"));
        }

        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems.toArray(Problem[]::new));
        }
        HolidayRules rules = HolidayRules.algemeneTermijnenwet()
                .withGoodFriday(config.goodFriday())
                .withLiberationDay(config.liberationDay())
                .withClosingDays(closingDays)
                .withRecurringClosingDays(recurring);
        return new CalendarSettings(rules, config.consultWorkingDays(), config.intake().mode(),
                config.intake().duration(), config.workingHours().start(), config.workingHours().end());
    }

    /** The parsed value, or null when it does not parse (2026-02-30, 13-01). */
    private static <T> T parse(String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
