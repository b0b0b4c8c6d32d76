package nl.consilium.scheduling.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.consilium.scheduling.domain.Organisation;
import nl.consilium.scheduling.domain.matching.Absence;
import nl.consilium.scheduling.domain.matching.Availability;
import nl.consilium.scheduling.domain.matching.DatedWindow;
import nl.consilium.scheduling.domain.matching.RegistrySnapshot;
import nl.consilium.scheduling.domain.matching.SpecialistProfile;
import nl.consilium.scheduling.domain.matching.WeeklyWindow;

/**
 * Reads the whole registry and availability into a {@link SchedulingSnapshot} with a handful of plain
 * queries on the given connection (no entities: ten thousand specialists load in one pass per table).
 * Plain JDBC so that anything with a connection to the database can build one, like a second
 * instance of the service in the concurrency tests.
 */
public final class SnapshotLoader {

    private SnapshotLoader() {
    }

    /** The revision the registry is at now. */
    public static long revision(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select revision from registry_revision where id = 1");
                ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /**
     * The registry as it is now. The revision is read first, so a change committed while the rest is
     * read leaves an older revision behind and the next check reads again.
     */
    public static SchedulingSnapshot load(Connection connection) throws SQLException {
        long revision = revision(connection);
        Map<String, Set<String>> focusAreas = multimap(connection,
                "select specialist_agb, focus_area from specialist_focus_area");
        Map<String, Set<String>> languages = multimap(connection,
                "select specialist_agb, language from specialist_language");
        Map<String, Set<String>> organisations = multimap(connection,
                "select specialist_agb, organisation_id from specialist_organisation");

        List<SpecialistProfile> profiles = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select agb, name, specialty, max_consults_per_week, active from specialist");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String agb = rows.getString(1);
                profiles.add(new SpecialistProfile(agb, rows.getString(2), rows.getString(3),
                        focusAreas.getOrDefault(agb, Set.of()), organisations.getOrDefault(agb, Set.of()),
                        languages.getOrDefault(agb, Set.of()), rows.getInt(4), rows.getBoolean(5)));
            }
        }

        Map<String, List<WeeklyWindow>> weekly = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select specialist_agb, day_of_week, starts_at, ends_at from consult_hours_window");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                weekly.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(new WeeklyWindow(
                        DayOfWeek.valueOf(rows.getString(2)), rows.getObject(3, LocalTime.class),
                        rows.getObject(4, LocalTime.class)));
            }
        }
        Map<String, List<DatedWindow>> additions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select specialist_agb, on_date, starts_at, ends_at from availability_addition");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                additions.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(new DatedWindow(
                        rows.getObject(2, LocalDate.class), rows.getObject(3, LocalTime.class),
                        rows.getObject(4, LocalTime.class)));
            }
        }
        Map<String, List<Absence>> absences = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select specialist_agb, from_date, to_date, reason from availability_absence");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                absences.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(new Absence(
                        rows.getObject(2, LocalDate.class), rows.getObject(3, LocalDate.class), rows.getString(4)));
            }
        }
        Map<String, Availability> availability = new HashMap<>();
        for (SpecialistProfile profile : profiles) {
            String agb = profile.agb();
            availability.put(agb, new Availability(weekly.getOrDefault(agb, List.of()),
                    additions.getOrDefault(agb, List.of()), absences.getOrDefault(agb, List.of())));
        }

        Map<String, String> organisationNames = new HashMap<>();
        Map<String, Set<String>> byName = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select id, name from organisation");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                organisationNames.put(rows.getString(1), rows.getString(2));
                byName.computeIfAbsent(Organisation.normalise(rows.getString(2)), k -> new HashSet<>())
                        .add(rows.getString(1));
            }
        }
        try (PreparedStatement select = connection.prepareStatement("select organisation_id, alias from organisation_alias");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                byName.computeIfAbsent(Organisation.normalise(rows.getString(2)), k -> new HashSet<>())
                        .add(rows.getString(1));
            }
        }
        Map<String, Set<String>> byNameFrozen = new HashMap<>();
        byName.forEach((name, ids) -> byNameFrozen.put(name, Set.copyOf(ids)));
        return new SchedulingSnapshot(revision, RegistrySnapshot.of(profiles, availability), organisationNames,
                byNameFrozen);
    }

    private static Map<String, Set<String>> multimap(Connection connection, String sql) throws SQLException {
        Map<String, Set<String>> map = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                map.computeIfAbsent(rows.getString(1), k -> new HashSet<>()).add(rows.getString(2));
            }
        }
        return map;
    }
}
