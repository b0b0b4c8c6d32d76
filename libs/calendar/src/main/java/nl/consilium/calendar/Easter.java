package nl.consilium.calendar;

import java.time.LocalDate;

/**
 * Easter Sunday by the Gregorian computus (DOMAIN.md §4), which the Dutch movable holidays hang on:
 * Good Friday E−2, Easter Monday E+1, Ascension Day E+39, Whit Monday E+50.
 */
public final class Easter {

    /** The first year of the Gregorian calendar's Easter tables (the reform of October 1582). */
    public static final int FIRST_GREGORIAN_YEAR = 1583;

    private Easter() {
    }

    /**
     * Easter Sunday of a year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher): always a
     * Sunday between 22 March and 25 April.
     *
     * @throws IllegalArgumentException for a year before {@value #FIRST_GREGORIAN_YEAR}
     */
    public static LocalDate sunday(int year) {
        if (year < FIRST_GREGORIAN_YEAR) {
            throw new IllegalArgumentException("the Gregorian computus starts in " + FIRST_GREGORIAN_YEAR + ": " + year);
        }
        int a = year % 19;                    // place in the 19-year Metonic cycle
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;              // lunar correction
        int h = (19 * a + b - d - g + 15) % 30; // days from 21 March to the paschal full moon (epact)
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the next Sunday
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
