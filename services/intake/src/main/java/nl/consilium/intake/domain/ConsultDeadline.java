package nl.consilium.intake.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The last day on which the video consult may take place: a number of working days after the
 * intake decision. Working days here are Monday to Friday; public holidays come with the working-day
 * calendar (issue 4).
 */
public final class ConsultDeadline {

    private ConsultDeadline() {
    }

    public static LocalDate workingDaysAfter(LocalDate decidedOn, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be positive");
        }
        LocalDate day = decidedOn;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return day;
    }
}
