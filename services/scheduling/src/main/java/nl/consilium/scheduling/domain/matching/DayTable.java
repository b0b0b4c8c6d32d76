package nl.consilium.scheduling.domain.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

import nl.consilium.calendar.WorkingDayCalendar;

/**
 * The calendar facts of a run of consecutive dates, computed once per search instead of once per
 * specialist: whether each is a working day, its day of the week, and where its local midnight lies
 * on the time line. On a day without a UTC-offset change (every working day in Amsterdam: the
 * changes fall on Sundays) a wall-clock time is midnight plus its seconds; on the others the zone
 * rules convert each time, so a slot keeps its wall-clock time whatever the offset.
 */
final class DayTable {

    private static final ZoneId ZONE = WorkingDayCalendar.ZONE;

    final long firstEpochDay;
    final int length;
    private final boolean[] working;
    private final long[] midnight;
    private final boolean[] offsetChanges;

    DayTable(WorkingDayCalendar calendar, LocalDate first, LocalDate last) {
        this.firstEpochDay = first.toEpochDay();
        this.length = last.isBefore(first) ? 0 : (int) (last.toEpochDay() - firstEpochDay + 1);
        this.working = new boolean[length];
        this.midnight = new long[length];
        this.offsetChanges = new boolean[length];
        ZoneRules rules = ZONE.getRules();
        for (int i = 0; i < length; i++) {
            LocalDate date = first.plusDays(i);
            working[i] = calendar.isWorkingDay(date);
            Instant start = date.atStartOfDay(ZONE).toInstant();
            midnight[i] = start.getEpochSecond();
            ZoneOffsetTransition next = rules.nextTransition(start);
            offsetChanges[i] = next != null
                    && next.getInstant().isBefore(date.plusDays(1).atStartOfDay(ZONE).toInstant());
        }
    }

    boolean isWorkingDay(int index) {
        return working[index];
    }

    long epochDay(int index) {
        return firstEpochDay + index;
    }

    /** Monday = 0 … Sunday = 6. */
    int dayOfWeekIndex(int index) {
        return (int) Math.floorMod(firstEpochDay + index + 3, 7L); // 1970-01-01 was a Thursday
    }

    /** The epoch second of a wall-clock time (seconds of the day) on a date of the table, Amsterdam. */
    long epochSecond(int index, int secondOfDay) {
        if (!offsetChanges[index]) {
            return midnight[index] + secondOfDay;
        }
        return LocalDate.ofEpochDay(firstEpochDay + index).atTime(LocalTime.ofSecondOfDay(secondOfDay))
                .atZone(ZONE).toEpochSecond();
    }
}
