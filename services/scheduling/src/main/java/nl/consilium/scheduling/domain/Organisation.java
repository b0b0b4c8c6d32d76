package nl.consilium.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A hospital or group a specialist works for or is affiliated with. Its id is a short readable code
 * ({@code ziekenhuis-west}); its name and aliases are how referrals name it as the treating hospital
 * ({@link #normalise}: case and spacing do not matter).
 */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    @Id
    private String id;

    @Version
    private long version;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationKind kind;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "organisation_alias", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "alias", nullable = false)
    private Set<String> aliases = new HashSet<>();

    protected Organisation() {
    }

    public static Organisation register(String id, String name, OrganisationKind kind, Collection<String> aliases) {
        Organisation organisation = new Organisation();
        organisation.id = Objects.requireNonNull(id, "id");
        organisation.describe(name, kind, aliases);
        return organisation;
    }

    /** A new name, kind or aliases. */
    public void describe(String name, OrganisationKind kind, Collection<String> aliases) {
        this.name = Objects.requireNonNull(name, "name").strip();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.aliases.clear();
        if (aliases != null) {
            aliases.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).forEach(this.aliases::add);
        }
    }

    /** All organisations, by id. */
    public static List<Organisation> all() {
        return list("order by id");
    }

    /** How a hospital name compares: lower case, spaces collapsed, stripped. */
    public static String normalise(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public String id() { return id; }
    public long version() { return version; }
    public String name() { return name; }
    public OrganisationKind kind() { return kind; }
    public Set<String> aliases() { return new TreeSet<>(aliases); }
}
