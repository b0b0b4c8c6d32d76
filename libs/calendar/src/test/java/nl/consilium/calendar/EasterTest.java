package nl.consilium.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EasterTest {

    /** DOMAIN.md §4. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28"})
    void theDatesTheDomainNotesGive(int year, LocalDate sunday) {
        assertThat(Easter.sunday(year)).isEqualTo(sunday);
    }

    /**
     * Published Easter dates (checked against python-dateutil's {@code easter()}, a third
     * implementation), with the extremes (22 March is not reached in this range; 23 March in 1913
     * and 2008, 25 April in 1943 and 2038) and the years in which Gauss's rule needs its corrections
     * (1954 and 2049: 18 April; 1981 and 2076: 19 April).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "1900, 1900-04-15", "1913, 1913-03-23", "1927, 1927-04-17", "1943, 1943-04-25", "1954, 1954-04-18",
            "1961, 1961-04-02", "1974, 1974-04-14", "1981, 1981-04-19", "1999, 1999-04-04", "2000, 2000-04-23",
            "2008, 2008-03-23", "2011, 2011-04-24", "2019, 2019-04-21", "2024, 2024-03-31", "2038, 2038-04-25",
            "2049, 2049-04-18", "2057, 2057-04-22", "2076, 2076-04-19", "2086, 2086-03-31", "2095, 2095-04-24",
            "2100, 2100-03-28",
            // the earliest possible date, outside 1900–2100
            "1818, 1818-03-22", "2285, 2285-03-22"})
    void knownEasterSundays(int year, LocalDate sunday) {
        assertThat(Easter.sunday(year)).isEqualTo(sunday);
        assertThat(gauss(year)).as("the second algorithm agrees with the table").isEqualTo(sunday);
    }

    @Test
    void agreesWithGausssAlgorithmForEveryYearOfTwoFullCycles() {
        // The Gregorian Easter dates repeat after 5,700,000 years; 1583–4099 covers every century rule in use.
        for (int year = Easter.FIRST_GREGORIAN_YEAR; year <= 4099; year++) {
            LocalDate easter = Easter.sunday(year);
            assertThat(easter).as("year %d", year).isEqualTo(gauss(year));
            assertThat(easter.getDayOfWeek()).as("year %d", year).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(MonthDay.from(easter)).as("year %d", year)
                    .isBetween(MonthDay.of(3, 22), MonthDay.of(4, 25));
        }
    }

    @Test
    void refusesYearsBeforeTheGregorianCalendar() {
        assertThatThrownBy(() -> Easter.sunday(1582)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1583");
    }

    /** Gauss's Easter algorithm with its two corrections, written out independently of {@link Easter}. */
    static LocalDate gauss(int year) {
        int a = year % 19;
        int b = year % 4;
        int c = year % 7;
        int k = year / 100;
        int p = (13 + 8 * k) / 25;
        int q = k / 4;
        int m = (15 - p + k - q) % 30;
        int n = (4 + k - q) % 7;
        int d = (19 * a + m) % 30;
        int e = (2 * b + 4 * c + 6 * d + n) % 7;
        if (d == 29 && e == 6) {
            return LocalDate.of(year, 4, 19);
        }
        if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) {
            return LocalDate.of(year, 4, 18);
        }
        int marchDay = 22 + d + e;
        return marchDay <= 31 ? LocalDate.of(year, 3, marchDay) : LocalDate.of(year, 4, marchDay - 31);
    }
}
