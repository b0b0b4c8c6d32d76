package nl.consilium.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.consilium.intake.domain.ConsultDeadline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConsultDeadlineTest {

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-11-23, 10, 2026-12-07",  // Monday: two full weeks
            "2026-11-27, 1, 2026-11-30",   // Friday: next Monday
            "2026-11-28, 1, 2026-11-30",   // Saturday: Monday
            "2026-11-29, 5, 2026-12-04",   // Sunday: that Friday
            "2026-11-25, 10, 2026-12-09"})
    void countsOnlyMondayToFriday(LocalDate from, int days, LocalDate expected) {
        assertThat(ConsultDeadline.workingDaysAfter(from, days)).isEqualTo(expected);
    }

    @Test
    void rejectsNonPositiveCounts() {
        assertThatThrownBy(() -> ConsultDeadline.workingDaysAfter(LocalDate.of(2026, 11, 23), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
