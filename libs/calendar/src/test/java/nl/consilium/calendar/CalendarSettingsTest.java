package nl.consilium.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class CalendarSettingsTest {

    @Test
    void theDefaults() {
        CalendarSettings defaults = CalendarSettings.defaults();
        assertThat(defaults.holidayRules()).isEqualTo(HolidayRules.algemeneTermijnenwet());
        assertThat(defaults.consultWorkingDays()).isEqualTo(10);
        assertThat(defaults.intakeMode()).isEqualTo(IntakeMode.CLOCK_HOURS);
        assertThat(defaults.intakeDuration()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.workingDayStart()).isEqualTo(LocalTime.of(8, 0));
        assertThat(defaults.workingDayEnd()).isEqualTo(LocalTime.of(17, 0));
    }

    @Test
    void theWorkingDayMustEndAfterItStarts() {
        assertThatThrownBy(() -> CalendarSettings.defaults().withWorkingHours(LocalTime.of(17, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end after");
        assertThatThrownBy(() -> CalendarSettings.defaults().withWorkingHours(LocalTime.of(8, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CalendarSettings.defaults().withWorkingHours(LocalTime.of(8, 0), LocalTime.of(8, 1)).workingDayEnd())
                .isEqualTo(LocalTime.of(8, 1));
    }

    @Test
    void theConsultCountIsAtLeastOne() {
        assertThatThrownBy(() -> CalendarSettings.defaults().withConsultWorkingDays(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThat(CalendarSettings.defaults().withConsultWorkingDays(1).consultWorkingDays()).isEqualTo(1);
    }

    @Test
    void theIntakeDurationIsPositive() {
        assertThatThrownBy(() -> CalendarSettings.defaults().withIntake(IntakeMode.CLOCK_HOURS, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> CalendarSettings.defaults().withIntake(IntakeMode.CLOCK_HOURS, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalendarSettings.defaults().withIntake(null, Duration.ofHours(1)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void withersChangeOneThingAndLeaveTheDefaultsAlone() {
        CalendarSettings changed = CalendarSettings.defaults().withConsultWorkingDays(7);
        assertThat(changed.consultWorkingDays()).isEqualTo(7);
        assertThat(changed.withConsultWorkingDays(10)).isEqualTo(CalendarSettings.defaults());
        assertThat(CalendarSettings.defaults().consultWorkingDays()).isEqualTo(10);
    }
}
