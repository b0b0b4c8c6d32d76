package nl.consilium.scheduling;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import nl.consilium.calendar.WorkingDayCalendar;
import nl.consilium.scheduling.domain.AssignedBy;
import nl.consilium.scheduling.domain.matching.MatchRequest;
import nl.consilium.scheduling.domain.matching.Matcher;
import nl.consilium.scheduling.domain.matching.MatchingSettings;
import nl.consilium.scheduling.service.BookingStore;
import nl.consilium.scheduling.service.NewBooking;
import nl.consilium.scheduling.service.SchedulingSnapshot;
import nl.consilium.scheduling.service.SlotBooker;
import nl.consilium.scheduling.service.SnapshotLoader;
import nl.consilium.testing.ConsiliumTestInfrastructure;

/**
 * A second instance of the scheduling service for the concurrency tests: it shares nothing in memory
 * with the Quarkus application under test (its own engine, its own registry snapshot read once over
 * its own JDBC connection, no CDI, no Hibernate, no connection pool) and books as the service does, in
 * a transaction of its own on a plain connection to the same database: take the referral's advisory
 * lock, skip a referral that is booked, match, insert; when the slot was taken meanwhile, mark it
 * taken and match again. Only the database is shared, so whatever keeps the two from double-booking is
 * the database's doing.
 */
final class SecondInstance {

    private final SlotBooker booker = new SlotBooker(new Matcher(WorkingDayCalendar.dutch(), MatchingSettings.defaults()),
            20);
    private final SchedulingSnapshot snapshot;

    SecondInstance() {
        try (Connection connection = connect()) {
            snapshot = SnapshotLoader.load(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application name of the second instance's connections in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "scheduling-second-instance";

    static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", ConsiliumTestInfrastructure.username());
        properties.setProperty("password", ConsiliumTestInfrastructure.password());
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return DriverManager.getConnection(ConsiliumTestInfrastructure.jdbcUrl(), properties);
    }

    /** What booking one referral came to; {@code result} is null when the referral was booked already. */
    record Outcome(UUID referralId, SlotBooker.Result result) {
        boolean booked() {
            return result != null && result.booked().isPresent();
        }
    }

    /** Books a referral of {@code specialty} due on {@code dueOn}, matching as of {@code now}, and commits. */
    Outcome book(UUID referralId, String specialty, LocalDate dueOn, Instant now) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                BookingStore.lockReferral(connection, referralId);
                if (BookingStore.hasBooked(connection, referralId)) {
                    connection.rollback();
                    return new Outcome(referralId, null);
                }
                MatchRequest request = new MatchRequest(referralId, specialty, null, null, null, Set.of(), List.of(),
                        dueOn, now);
                NewBooking.Template template = new NewBooking.Template(UUID.randomUUID(), referralId, UUID.randomUUID(),
                        dueOn, Instant.now(), AssignedBy.MATCHING, null, null);
                SlotBooker.Result result = booker.book(connection, request, snapshot, template, List.of());
                connection.commit();
                return new Outcome(referralId, result);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
