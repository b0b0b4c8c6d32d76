package nl.consilium.consult.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.consilium.consult.service.ConsultProblem;
import nl.consilium.consult.service.ConsultService.Period;
import nl.consilium.platform.problem.Problem.FieldError;

/**
 * The period of {@code GET /api/consults}: {@code day=2026-11-25}, {@code week=2026-W48} (ISO week,
 * Monday to Sunday) or {@code from=2026-11-23&to=2026-11-27} (dates, both inclusive, either may be left
 * out); days in Europe/Amsterdam. Nothing given: every consult.
 */
final class Periods {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private Periods() {
    }

    static Period parse(String day, String week, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        int given = (day != null ? 1 : 0) + (week != null ? 1 : 0) + (from != null || to != null ? 1 : 0);
        if (given > 1) {
            String field = day != null ? "day" : "week";
            errors.add(new FieldError(field, "give one of day, week, or from/to"));
            throw ConsultProblem.invalid(errors);
        }
        if (day != null) {
            LocalDate date = date("day", day, errors);
            check(errors);
            return new Period(start(date), start(date.plusDays(1)));
        }
        if (week != null) {
            Matcher m = WEEK.matcher(week.strip());
            LocalDate monday = null;
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                int number = Integer.parseInt(m.group(2));
                LocalDate reference = LocalDate.of(year, 6, 1);
                if (number >= 1 && number <= reference.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                    monday = reference.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
                }
            }
            if (monday == null) {
                errors.add(new FieldError("week", "must be an ISO week like 2026-W48"));
                throw ConsultProblem.invalid(errors);
            }
            return new Period(start(monday), start(monday.plusWeeks(1)));
        }
        LocalDate first = from == null ? null : date("from", from, errors);
        LocalDate last = to == null ? null : date("to", to, errors);
        check(errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.add(new FieldError("to", "must not be before from"));
            throw ConsultProblem.invalid(errors);
        }
        return new Period(first == null ? null : start(first), last == null ? null : start(last.plusDays(1)));
    }

    private static java.time.Instant start(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    private static LocalDate date(String field, String text, List<FieldError> errors) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date like 2026-11-25"));
            return null;
        }
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ConsultProblem.invalid(errors);
        }
    }
}
