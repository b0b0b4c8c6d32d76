package nl.consilium.scheduling.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Which days consults are held: Monday to Friday. The Dutch public holidays arrive with the shared
 * working-day calendar.
 */
public final class WorkingWeek {

    private WorkingWeek() {
    }

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The first working day after {@code day}. */
    public static LocalDate nextWorkingDayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
