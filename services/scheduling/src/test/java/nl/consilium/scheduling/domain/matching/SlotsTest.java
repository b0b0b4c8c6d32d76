package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.MATCHER;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.at;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.registry;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.spec;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.weekly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The slots of one specialist between two instants, free and booked. */
class SlotsTest {

    private static final RegistrySnapshot REGISTRY = registry(spec("1000").weekly(weekly(DayOfWeek.MONDAY, "09:00", "10:00"),
            weekly(DayOfWeek.FRIDAY, "09:00", "10:00")).absent("2026-03-13", "2026-03-13"));

    @Test
    void freeAndBookedSlotsInTimeOrder() {
        TestBookings bookings = new TestBookings().book("1000", "2026-03-09T09:30").book("1000", "2026-03-06T09:00")
                .book("2000", "2026-03-09T09:00");

        List<SlotView> slots = MATCHER.slots("1000", at("2026-03-06T00:00"), at("2026-03-17T00:00"), REGISTRY, bookings);

        assertThat(slots).extracting(v -> LocalDateTime.ofInstant(v.slot().start(), Matcher.ZONE) + (v.booked() ? " booked" : " free"))
                .containsExactly("2026-03-06T09:00 booked", "2026-03-06T09:30 free", "2026-03-09T09:00 free",
                        "2026-03-09T09:30 booked", "2026-03-16T09:00 free", "2026-03-16T09:30 free"); // 13 March: absent
    }

    @ParameterizedTest(name = "from {0} to {1}: {2} slot(s)")
    @CsvSource({
            "2026-03-09T09:00, 2026-03-09T10:00, 2",
            "2026-03-09T09:01, 2026-03-09T10:00, 1",   // only slots wholly inside
            "2026-03-09T09:00, 2026-03-09T09:59, 1",
            "2026-03-09T09:00, 2026-03-09T09:00, 0",
            "2026-12-21T00:00, 2027-01-02T00:00, 4"})   // Christmas Day and New Year's Day are Fridays: Mondays 21 and 28 December only
    void onlySlotsBetweenFromAndTo(String from, String to, int expected) {
        assertThat(MATCHER.slots("1000", at(from), at(to), REGISTRY, Bookings.none())).hasSize(expected);
    }

    @Test
    void anUnknownSpecialistHasNoSlots() {
        assertThat(MATCHER.slots("7777", at("2026-03-09T00:00"), at("2026-03-10T00:00"), REGISTRY, Bookings.none())).isEmpty();
    }

    @Test
    void toBeforeFromOrTooLongARangeIsRefused() {
        assertThatThrownBy(() -> MATCHER.slots("1000", at("2026-03-10T00:00"), at("2026-03-09T00:00"), REGISTRY, Bookings.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MATCHER.slots("1000", at("2026-03-10T00:00"), at("2027-06-09T00:00"), REGISTRY, Bookings.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
