package nl.consilium.scheduling.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import nl.consilium.calendar.WorkingDayCalendar;
import nl.consilium.platform.problem.ProblemException;

/**
 * The {@code from} and {@code to} query parameters: an ISO-8601 instant or date-time with offset
 * ({@code 2031-01-06T08:00:00Z}), or a date ({@code 2031-01-06}, Europe/Amsterdam): a date as
 * {@code from} means the start of that day, as {@code to} the end of it (the start of the next).
 */
final class TimeParams {

    private TimeParams() {
    }

    static Instant from(String value, Instant otherwise) {
        return parse("from", value, otherwise, false);
    }

    static Instant to(String value, Instant otherwise) {
        return parse("to", value, otherwise, true);
    }

    static Instant startOfToday(Instant now) {
        return LocalDate.ofInstant(now, WorkingDayCalendar.ZONE).atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
    }

    private static Instant parse(String name, String value, Instant otherwise, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new ProblemException("validation-failed", "The request is not valid", 400,
                        name + " must be an ISO-8601 instant (2031-01-06T08:00:00Z) or date (2031-01-06)");
            }
        }
    }
}
