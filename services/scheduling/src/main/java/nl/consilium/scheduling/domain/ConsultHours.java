package nl.consilium.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A specialist's weekly recurring consult windows (Europe/Amsterdam wall clock), replaced as a whole
 * ({@link #replace}); its version guards against two people changing them at once.
 */
@Entity
@Table(name = "consult_hours")
public class ConsultHours extends PanacheEntityBase {

    @Id
    @Column(name = "specialist_agb")
    private String specialistAgb;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "consult_hours_window", joinColumns = @JoinColumn(name = "specialist_agb"))
    private List<WeeklyHours> windows = new ArrayList<>();

    protected ConsultHours() {
    }

    /** No windows yet. */
    public static ConsultHours none(String specialistAgb) {
        ConsultHours hours = new ConsultHours();
        hours.specialistAgb = Objects.requireNonNull(specialistAgb, "specialistAgb");
        return hours;
    }

    public void replace(Collection<WeeklyHours> windows) {
        this.windows.clear();
        this.windows.addAll(windows);
    }

    public String specialistAgb() { return specialistAgb; }
    public long version() { return version; }

    /** By day of the week, then start. */
    public List<WeeklyHours> windows() {
        return windows.stream().sorted(Comparator.comparing(WeeklyHours::day).thenComparing(WeeklyHours::startsAt))
                .toList();
    }
}
