package nl.consilium.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.consilium.scheduling.domain.SlotSearch;
import nl.consilium.scheduling.domain.SlotSearch.Booked;
import nl.consilium.scheduling.domain.SlotSearch.Candidate;
import nl.consilium.scheduling.domain.SlotSearch.Slot;
import nl.consilium.scheduling.domain.WorkingWeek;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The slot search on its own: working days, day boundaries, booked slots, Amsterdam's UTC offset. */
class SlotSearchTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private static final SlotSearch SEARCH = new SlotSearch(AMSTERDAM, LocalTime.of(9, 0), LocalTime.of(17, 0),
            HALF_HOUR, 60);

    private static Instant amsterdam(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), AMSTERDAM).toInstant();
    }

    private static Candidate free(String agb) {
        return new Candidate(agb, List.of());
    }

    private static Booked booked(String localStart) {
        Instant start = amsterdam(localStart);
        return new Booked(start, start.plus(HALF_HOUR));
    }

    @ParameterizedTest(name = "completed {0} → first slot {1}")
    @CsvSource({
            "2026-11-23T10:15, 2026-11-24T09:00",  // Monday: Tuesday morning
            "2026-11-27T16:59, 2026-11-30T09:00",  // Friday: Monday, the weekend skipped
            "2026-11-28T11:00, 2026-11-30T09:00",  // Saturday: Monday
            "2026-11-29T23:59, 2026-11-30T09:00",  // Sunday late evening: Monday
            "2026-11-23T00:30, 2026-11-24T09:00",  // just after midnight in Amsterdam (still Sunday in UTC)
            "2026-11-22T23:30, 2026-11-23T09:00"}) // Sunday 23:30 in Amsterdam (still Sunday): Monday
    void startsOnTheNextWorkingDayAtNine(String completed, String expected) {
        Slot slot = SEARCH.earliestFree(amsterdam(completed), List.of(free("03111111"))).orElseThrow();
        assertThat(slot.startsAt()).isEqualTo(amsterdam(expected));
        assertThat(slot.endsAt()).isEqualTo(amsterdam(expected).plus(HALF_HOUR));
    }

    @Test
    void nineInTheMorningIsEightUtcInWinterAndSevenUtcInSummer() {
        // CET (+01:00): Monday 2026-03-23; CEST (+02:00) from Sunday 2026-03-29; CET again from Sunday 2026-10-25
        assertThat(SEARCH.earliestFree(amsterdam("2026-03-20T12:00"), List.of(free("03111111"))).orElseThrow()
                .startsAt()).isEqualTo(Instant.parse("2026-03-23T08:00:00Z"));
        assertThat(SEARCH.earliestFree(amsterdam("2026-03-27T12:00"), List.of(free("03111111"))).orElseThrow()
                .startsAt()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(SEARCH.earliestFree(amsterdam("2026-10-23T12:00"), List.of(free("03111111"))).orElseThrow()
                .startsAt()).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void aWorkingDayHasSixteenSlotsFromNineUntilHalfPastFour() {
        List<Instant> starts = SEARCH.slotStarts(LocalDate.of(2026, 3, 30));
        assertThat(starts).hasSize(16);
        assertThat(starts.getFirst()).isEqualTo(amsterdam("2026-03-30T09:00"));
        assertThat(starts.getLast()).isEqualTo(amsterdam("2026-03-30T16:30"));
    }

    @Test
    void aFullDayMovesTheBookingToTheNextWorkingDay() {
        List<Booked> friday = new ArrayList<>();
        SEARCH.slotStarts(LocalDate.of(2026, 11, 27)).forEach(s -> friday.add(new Booked(s, s.plus(HALF_HOUR))));
        Slot slot = SEARCH.earliestFree(amsterdam("2026-11-26T12:00"), List.of(new Candidate("03111111", friday)))
                .orElseThrow();
        assertThat(slot.startsAt()).isEqualTo(amsterdam("2026-11-30T09:00"));
    }

    @Test
    void bookedSlotsAreSkipped() {
        Candidate smit = new Candidate("03111111", List.of(booked("2026-11-24T09:00"), booked("2026-11-24T09:30"),
                booked("2026-11-24T10:30")));
        assertThat(SEARCH.earliestFree(amsterdam("2026-11-23T12:00"), List.of(smit)).orElseThrow().startsAt())
                .isEqualTo(amsterdam("2026-11-24T10:00"));
    }

    @Test
    void aBookingOffTheGridBlocksEverySlotItOverlaps() {
        Instant start = amsterdam("2026-11-24T09:15");
        Candidate smit = new Candidate("03111111", List.of(new Booked(start, start.plus(Duration.ofMinutes(60)))));
        assertThat(SEARCH.earliestFree(amsterdam("2026-11-23T12:00"), List.of(smit)).orElseThrow().startsAt())
                .isEqualTo(amsterdam("2026-11-24T10:30"));
    }

    @Test
    void theEarliestSlotOfAnyCandidateWinsAndTiesGoToTheLowestAgb() {
        Candidate mulder = free("03222222");
        Candidate smit = free("03111111");
        assertThat(SEARCH.earliestFree(amsterdam("2026-11-23T12:00"), List.of(mulder, smit)).orElseThrow()
                .specialistAgb()).isEqualTo("03111111");

        Candidate busySmit = new Candidate("03111111", List.of(booked("2026-11-24T09:00")));
        Slot slot = SEARCH.earliestFree(amsterdam("2026-11-23T12:00"), List.of(busySmit, mulder)).orElseThrow();
        assertThat(slot.specialistAgb()).isEqualTo("03222222");
        assertThat(slot.startsAt()).isEqualTo(amsterdam("2026-11-24T09:00"));
    }

    @Test
    void noCandidateOrNoFreeSlotWithinTheHorizonFindsNothing() {
        SlotSearch oneDay = new SlotSearch(AMSTERDAM, LocalTime.of(9, 0), LocalTime.of(10, 0), HALF_HOUR, 1);
        List<Booked> full = List.of(booked("2026-11-24T09:00"), booked("2026-11-24T09:30"));
        assertThat(oneDay.earliestFree(amsterdam("2026-11-23T12:00"), List.of(new Candidate("03111111", full))))
                .isEmpty();
        assertThat(SEARCH.earliestFree(amsterdam("2026-11-23T12:00"), List.of())).isEmpty();
    }

    @Test
    void theWindowCoversTheSearchedWorkingDays() {
        SlotSearch week = new SlotSearch(AMSTERDAM, LocalTime.of(9, 0), LocalTime.of(17, 0), HALF_HOUR, 5);
        SlotSearch.Window window = week.window(amsterdam("2026-11-27T12:00"));
        assertThat(window.from()).isEqualTo(amsterdam("2026-11-30T09:00"));
        assertThat(window.until()).isEqualTo(amsterdam("2026-12-04T17:00"));
        assertThat(week.days(amsterdam("2026-11-27T12:00"))).extracting(LocalDate::getDayOfWeek)
                .doesNotContain(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
    }

    @Test
    void workingDaysAreMondayToFriday() {
        assertThat(WorkingWeek.isWorkingDay(LocalDate.of(2026, 11, 27))).isTrue();
        assertThat(WorkingWeek.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
        assertThat(WorkingWeek.isWorkingDay(LocalDate.of(2026, 11, 29))).isFalse();
        assertThat(WorkingWeek.nextWorkingDayAfter(LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void rejectsADayWithoutRoomForASlot() {
        assertThatThrownBy(() -> new SlotSearch(AMSTERDAM, LocalTime.of(9, 0), LocalTime.of(9, 15), HALF_HOUR, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlotSearch(AMSTERDAM, LocalTime.of(9, 0), LocalTime.of(17, 0), HALF_HOUR, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
