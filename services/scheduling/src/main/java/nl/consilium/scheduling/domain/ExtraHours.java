package nl.consilium.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A one-off addition to a specialist's weekly windows: on {@code date} from {@code startsAt} to {@code endsAt}. */
@Entity
@Table(name = "availability_addition")
public class ExtraHours extends PanacheEntityBase {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(name = "specialist_agb", nullable = false)
    private String specialistAgb;

    @Column(name = "on_date", nullable = false)
    private LocalDate onDate;

    @Column(name = "starts_at", nullable = false)
    private LocalTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private LocalTime endsAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ExtraHours() {
    }

    public static ExtraHours on(String specialistAgb, LocalDate date, LocalTime startsAt, LocalTime endsAt, Instant at) {
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a window must end after it starts");
        }
        ExtraHours extra = new ExtraHours();
        extra.id = UUID.randomUUID();
        extra.specialistAgb = Objects.requireNonNull(specialistAgb, "specialistAgb");
        extra.onDate = Objects.requireNonNull(date, "date");
        extra.startsAt = startsAt;
        extra.endsAt = endsAt;
        extra.createdAt = at;
        return extra;
    }

    /** A specialist's additions, by date and start. */
    public static List<ExtraHours> of(String specialistAgb) {
        return list("specialistAgb = ?1 order by onDate, startsAt", specialistAgb);
    }

    public UUID id() { return id; }
    public String specialistAgb() { return specialistAgb; }
    public LocalDate date() { return onDate; }
    public LocalTime startsAt() { return startsAt; }
    public LocalTime endsAt() { return endsAt; }
    public Instant createdAt() { return createdAt; }
}
