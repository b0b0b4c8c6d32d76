package nl.consilium.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Locale;

/**
 * A medical specialist in the registry, identified by their AGB code. Only an active specialist of
 * the requested specialty who does not work at the patient's treating hospital may take a second
 * opinion ({@link #isIndependentOf}).
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
    private String specialty;

    @Column(nullable = false)
    private String hospital;

    @Column(nullable = false)
    private boolean active;

    protected Specialist() {
    }

    /** The active specialists of {@code specialty}, by AGB code. */
    public static List<Specialist> activeIn(String specialty) {
        return list("specialty = ?1 and active = true order by agb", specialty);
    }

    /** The whole registry, by specialty, then AGB code. */
    public static List<Specialist> registry() {
        return list("order by specialty, agb");
    }

    /**
     * Whether this specialist is independent of the treating hospital: works elsewhere. Hospital names
     * compare without regard to case or surrounding spaces; an unknown treating hospital excludes no one.
     */
    public boolean isIndependentOf(String treatingHospital) {
        return treatingHospital == null || treatingHospital.isBlank()
                || !normalise(hospital).equals(normalise(treatingHospital));
    }

    private static String normalise(String hospitalName) {
        return hospitalName.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public String agb() { return agb; }
    public String name() { return name; }
    public String specialty() { return specialty; }
    public String hospital() { return hospital; }
    public boolean active() { return active; }
    public long version() { return version; }
}
