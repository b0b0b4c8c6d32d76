package nl.consilium.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A medical specialist in the registry, identified by the AGB code (immutable: it names the specialist
 * in tokens and bookings). The coordinator registers and changes everything else; the specialist may
 * change only the focus areas, languages and weekly maximum ({@link #changeOwnPreferences}). An
 * inactive specialist is never matched; bookings made before stay.
 */
@Entity
@Table(name = "specialist")
public class Specialist extends PanacheEntityBase {

    @Id
    @Column(name = "agb")
    private String agb;

    @Version
    private long version;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String big;

    /** The readable code of a {@link Specialty}. */
    @Column(nullable = false)
    private String specialty;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "max_consults_per_week", nullable = false)
    private int maxConsultsPerWeek;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "specialist_focus_area", joinColumns = @JoinColumn(name = "specialist_agb"))
    @Column(name = "focus_area", nullable = false)
    private Set<String> focusAreas = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "specialist_language", joinColumns = @JoinColumn(name = "specialist_agb"))
    @Column(name = "language", nullable = false)
    private Set<String> languages = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "specialist_organisation", joinColumns = @JoinColumn(name = "specialist_agb"))
    @Column(name = "organisation_id", nullable = false)
    private Set<String> organisationIds = new HashSet<>();

    protected Specialist() {
    }

    /** A new, active specialist. */
    public static Specialist register(String agb, Profile profile, Instant at) {
        Specialist specialist = new Specialist();
        specialist.agb = Objects.requireNonNull(agb, "agb");
        specialist.active = true;
        specialist.change(profile, at);
        return specialist;
    }

    /** Everything but the AGB code and whether the specialist is active: the coordinator's change. */
    public void change(Profile profile, Instant at) {
        this.name = Objects.requireNonNull(profile.name(), "name").strip();
        this.big = Objects.requireNonNull(profile.big(), "big");
        this.specialty = Objects.requireNonNull(profile.specialty(), "specialty").code();
        this.organisationIds = replace(organisationIds, profile.organisationIds());
        changeOwnPreferences(profile.focusAreas(), profile.languages(), profile.maxConsultsPerWeek(), at);
    }

    /** What a specialist may change of their own profile. */
    public void changeOwnPreferences(Collection<String> focusAreas, Collection<String> languages, int maxConsultsPerWeek,
            Instant at) {
        if (maxConsultsPerWeek < 0) {
            throw new IllegalArgumentException("maxConsultsPerWeek must not be negative");
        }
        this.focusAreas = replace(this.focusAreas, focusAreas.stream().map(String::strip).toList());
        this.languages = replace(this.languages, languages);
        this.maxConsultsPerWeek = maxConsultsPerWeek;
        this.updatedAt = at;
    }

    /** Not matched any more; the bookings made stay. Deactivating an inactive specialist changes nothing. */
    public boolean deactivate(Instant at) {
        if (!active) {
            return false;
        }
        active = false;
        updatedAt = at;
        return true;
    }

    public boolean activate(Instant at) {
        if (active) {
            return false;
        }
        active = true;
        updatedAt = at;
        return true;
    }

    /** A page of the registry by AGB code, optionally of one specialty and/or activity. */
    public static List<Specialist> page(String specialty, Boolean active, int page, int size) {
        return filtered(specialty, active).page(Page.of(page, size)).list();
    }

    public static long count(String specialty, Boolean active) {
        return filtered(specialty, active).count();
    }

    private static PanacheQuery<Specialist> filtered(String specialty, Boolean active) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (specialty != null) {
            where.add("specialty = :specialty");
            parameters.and("specialty", specialty);
        }
        if (active != null) {
            where.add("active = :active");
            parameters.and("active", active);
        }
        String query = (where.isEmpty() ? "" : "where " + String.join(" and ", where) + " ") + "order by agb";
        return find(query, parameters);
    }

    public static boolean bigInUse(String big, String exceptAgb) {
        return count("big = ?1 and agb <> ?2", big, exceptAgb == null ? "" : exceptAgb) > 0;
    }

    private static Set<String> replace(Set<String> current, Collection<String> values) {
        Set<String> wanted = new HashSet<>(values);
        if (!current.equals(wanted)) {
            current.retainAll(wanted);
            current.addAll(wanted);
        }
        return current;
    }

    /** What a coordinator registers or changes. */
    public record Profile(String name, String big, Specialty specialty, Collection<String> focusAreas,
            Collection<String> organisationIds, Collection<String> languages, int maxConsultsPerWeek) {
    }

    public String agb() { return agb; }
    public long version() { return version; }
    public String name() { return name; }
    public String big() { return big; }
    public String specialty() { return specialty; }
    public boolean active() { return active; }
    public int maxConsultsPerWeek() { return maxConsultsPerWeek; }
    public Instant updatedAt() { return updatedAt; }
    public Set<String> focusAreas() { return new TreeSet<>(focusAreas); }
    public Set<String> languages() { return new TreeSet<>(languages); }
    public Set<String> organisationIds() { return new TreeSet<>(organisationIds); }
}
