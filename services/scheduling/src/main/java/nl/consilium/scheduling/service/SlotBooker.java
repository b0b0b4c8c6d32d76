package nl.consilium.scheduling.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.consilium.calendar.WorkingDayCalendar;
import nl.consilium.scheduling.domain.matching.Choice;
import nl.consilium.scheduling.domain.matching.MatchRequest;
import nl.consilium.scheduling.domain.matching.MatchResult;
import nl.consilium.scheduling.domain.matching.Matcher;
import nl.consilium.scheduling.domain.matching.SpecialistProfile;

/**
 * Match and book, on one connection in one transaction: read what is booked for the specialty's
 * specialists, let the engine choose, insert the booking; when another booking (of this or any other
 * instance) took that slot meanwhile, mark it taken, read again and let the engine choose again, at
 * most {@code attempts} times. The database decides who gets a slot; the in-memory snapshot only
 * proposes. Stateless: one instance serves every thread.
 */
public final class SlotBooker {

    private final Matcher matcher;
    private final int attempts;

    public SlotBooker(Matcher matcher, int attempts) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
    }

    /**
     * Books the best fitting slot for the request, or none.
     *
     * @param excluded slots not to choose, besides what is booked (a reschedule excludes the old slot)
     */
    public Result book(Connection connection, MatchRequest request, SchedulingSnapshot snapshot,
            NewBooking.Template template, Collection<SlotKey> excluded) throws SQLException {
        List<String> agbs = snapshot.registry().specialistsOf(request.specialty()).stream()
                .map(SpecialistProfile::agb).toList();
        LocalDate first = LocalDate.ofInstant(request.now(), WorkingDayCalendar.ZONE);
        LocalDate last = request.consultDueOn();
        Set<SlotKey> lost = new LinkedHashSet<>();
        MatchResult result = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            DatabaseBookings bookings = BookingStore.load(connection, agbs, first, last).alsoTaken(excluded)
                    .alsoTaken(lost);
            result = matcher.match(request, snapshot.registry(), bookings);
            if (result.choice().isEmpty()) {
                return new Result(result, Optional.empty(), lost.size(), false);
            }
            Choice choice = result.choice().get();
            SpecialistProfile specialist = snapshot.registry().specialist(choice.specialistAgb()).orElseThrow();
            NewBooking booking = template.at(specialist, choice.slot(), false, null);
            if (BookingStore.insert(connection, booking)) {
                return new Result(result, Optional.of(booking), lost.size(), false);
            }
            if (BookingStore.hasBooked(connection, request.referralId())) {
                return new Result(result, Optional.empty(), lost.size(), true);
            }
            lost.add(new SlotKey(choice.specialistAgb(), choice.slot().start()));
        }
        return new Result(result, Optional.empty(), lost.size(), false);
    }

    /**
     * What {@link #book} did.
     *
     * @param match the engine's last answer (its rationale and choice or failure)
     * @param booked the booking inserted, if any
     * @param conflicts how many chosen slots other bookings took first
     * @param referralBookedMeanwhile the referral turned out to have a booked consult already
     */
    public record Result(MatchResult match, Optional<NewBooking> booked, int conflicts, boolean referralBookedMeanwhile) {

        /** Every slot the engine chose was taken by other bookings until the attempts ran out. */
        public boolean attemptsExhausted() {
            return booked.isEmpty() && !referralBookedMeanwhile && match.choice().isPresent();
        }
    }
}
