package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.MATCHER;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.TREATING_HOSPITAL;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.addition;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.patient;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.registry;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.request;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.slot;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A coordinator's manual choice, checked by the same rules. The baseline (specialist 1000, Monday–Friday
 * 09:00–12:00, Wednesday 4 March 10:00 for a request of Monday 2 March due 16 March) breaks none;
 * each case changes one thing and names the one violation that follows.
 */
class CheckTest {

    private static final Slot WEDNESDAY_TEN = slot("2026-03-04T10:00", "2026-03-04T10:30");

    record Case(String description, UnaryOperator<MatchingFixtures.Spec> specialist, UnaryOperator<MatchingFixtures.Req> request,
            String agb, Slot slot, TestBookings bookings, Violation expected) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Case> violations() {
        TestBookings none = new TestBookings();
        return Stream.of(
                new Case("unknown specialist", s -> s, r -> r, "7777", WEDNESDAY_TEN, none, Violation.UNKNOWN_SPECIALIST),
                new Case("inactive", MatchingFixtures.Spec::inactive, r -> r, "1000", WEDNESDAY_TEN, none, Violation.INACTIVE),
                new Case("other specialty", s -> s.specialty("orthopaedics"), r -> r, "1000", WEDNESDAY_TEN, none, Violation.OTHER_SPECIALTY),
                new Case("shares the treating hospital", s -> s.organisations("x", TREATING_HOSPITAL), r -> r, "1000", WEDNESDAY_TEN,
                        none, Violation.NOT_INDEPENDENT),
                new Case("is the treating specialist", s -> s.organisations(), r -> r.treating("1000"), "1000", WEDNESDAY_TEN, none,
                        Violation.NOT_INDEPENDENT),
                new Case("other language", s -> s, r -> r.language("ar"), "1000", WEDNESDAY_TEN, none, Violation.LANGUAGE),
                new Case("outside the windows", s -> s, r -> r, "1000", slot("2026-03-04T14:00", "2026-03-04T14:30"), none,
                        Violation.NOT_IN_AVAILABILITY),
                new Case("off the slot grid", s -> s, r -> r, "1000", slot("2026-03-04T10:15", "2026-03-04T10:45"), none,
                        Violation.NOT_IN_AVAILABILITY),
                new Case("longer than a slot", s -> s, r -> r, "1000", slot("2026-03-04T10:00", "2026-03-04T11:00"), none,
                        Violation.NOT_IN_AVAILABILITY),
                new Case("absent", s -> s.absent("2026-03-04", "2026-03-04"), r -> r, "1000", WEDNESDAY_TEN, none,
                        Violation.NOT_IN_AVAILABILITY),
                new Case("a holiday (an addition on King's Day)", s -> s.addition(addition("2026-04-27", "10:00", "11:00")),
                        r -> r.now("2026-04-20T08:00"), "1000", slot("2026-04-27T10:00", "2026-04-27T10:30"), none,
                        Violation.NOT_IN_AVAILABILITY),
                new Case("taken", s -> s, r -> r, "1000", WEDNESDAY_TEN, new TestBookings().book("1000", "2026-03-04T10:00"),
                        Violation.SLOT_TAKEN),
                new Case("weekly maximum", s -> s.max(2), r -> r, "1000", WEDNESDAY_TEN, new TestBookings().load("1000", "2026-03-08", 2),
                        Violation.WEEKLY_MAXIMUM_REACHED),
                new Case("lead time", s -> s, r -> r.now("2026-03-03T10:30"), "1000", WEDNESDAY_TEN, none, Violation.LEAD_TIME),
                new Case("patient availability", s -> s, r -> r.patient(patient(DayOfWeek.WEDNESDAY, "10:15", "12:00")), "1000",
                        WEDNESDAY_TEN, none, Violation.PATIENT_AVAILABILITY),
                new Case("after the deadline", s -> s, r -> r.due("2026-03-03"), "1000", WEDNESDAY_TEN, none, Violation.AFTER_DEADLINE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void violations(Case c) {
        RegistrySnapshot registry = registry(c.specialist().apply(spec("1000")), spec("2000"));
        MatchRequest request = c.request().apply(request()).build();

        CheckResult result = MATCHER.check(request, c.agb(), c.slot(), false, registry, c.bookings());

        assertThat(result.allowed()).isFalse();
        assertThat(result.violations()).hasSize(1);
        assertThat(result.violates(c.expected())).as(result.violations().toString()).isTrue();
        assertThat(result.violations().getFirst()).startsWith(c.expected().name() + ": ");
    }

    @Test
    void theBaselineIsAllowed() {
        CheckResult result = MATCHER.check(request().build(), "1000", WEDNESDAY_TEN, false, registry(spec("1000")), Bookings.none());

        assertThat(result).isEqualTo(new CheckResult(true, java.util.List.of()));
        assertThat(result.deadlineOverridden()).isFalse();
    }

    @Test
    void theDeadlineCanBeOverridden() {
        MatchRequest late = request().due("2026-03-03").build();

        CheckResult result = MATCHER.check(late, "1000", WEDNESDAY_TEN, true, registry(spec("1000")), Bookings.none());

        assertThat(result.allowed()).isTrue();
        assertThat(result.deadlineOverridden()).isTrue();
        assertThat(result.violations()).singleElement().asString().startsWith("AFTER_DEADLINE: ").endsWith("(overridden)");
    }

    @Test
    void theOverrideAllowsOnlyTheDeadline() {
        MatchRequest late = request().due("2026-03-03").language("en").build();

        CheckResult result = MATCHER.check(late, "1000", WEDNESDAY_TEN, true, registry(spec("1000")), Bookings.none());

        assertThat(result.allowed()).isFalse();
        assertThat(result.deadlineOverridden()).isFalse();
        assertThat(result.violates(Violation.LANGUAGE)).isTrue();
        assertThat(result.violates(Violation.AFTER_DEADLINE)).isTrue();
    }

    @Test
    void anOverrideThatIsNotNeededIsNotRecorded() {
        CheckResult result = MATCHER.check(request().build(), "1000", WEDNESDAY_TEN, true, registry(spec("1000")), Bookings.none());

        assertThat(result.allowed()).isTrue();
        assertThat(result.deadlineOverridden()).isFalse();
    }

    @Test
    void everyViolationIsNamedAtOnce() {
        MatchRequest request = request().language("en").treating("99999999", "org-1000").now("2026-03-04T09:00").due("2026-03-03").build();

        CheckResult result = MATCHER.check(request, "1000", WEDNESDAY_TEN, false,
                registry(spec("1000").inactive().max(0)), new TestBookings().book("1000", "2026-03-04T10:00"));

        assertThat(result.violations()).extracting(v -> v.substring(0, v.indexOf(':'))).containsExactly("INACTIVE", "NOT_INDEPENDENT",
                "LANGUAGE", "SLOT_TAKEN", "WEEKLY_MAXIMUM_REACHED", "LEAD_TIME", "AFTER_DEADLINE");
    }

    @Test
    void whatTheMatcherChoosesPassesTheCheck() {
        RegistrySnapshot registry = registry(spec("1000").max(3), spec("2000").focus("rhythm"));
        TestBookings bookings = new TestBookings().book("2000", "2026-03-03T09:00");
        MatchRequest request = request().focus("rhythm").patient(patient(DayOfWeek.TUESDAY, "09:00", "11:00")).build();

        Choice choice = MATCHER.match(request, registry, bookings).choice().orElseThrow();

        assertThat(choice.specialistAgb()).isEqualTo("2000");
        assertThat(MATCHER.check(request, choice.specialistAgb(), choice.slot(), false, registry, bookings).violations()).isEmpty();
    }
}
