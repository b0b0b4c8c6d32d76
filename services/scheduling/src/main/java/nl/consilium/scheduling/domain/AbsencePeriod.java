package nl.consilium.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Whole days a specialist holds no consults (holiday, leave), {@code from} to {@code to} inclusive. */
@Entity
@Table(name = "availability_absence")
public class AbsencePeriod extends PanacheEntityBase {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(name = "specialist_agb", nullable = false)
    private String specialistAgb;

    @Column(name = "from_date", nullable = false)
    private LocalDate fromDate;

    @Column(name = "to_date", nullable = false)
    private LocalDate toDate;

    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AbsencePeriod() {
    }

    public static AbsencePeriod of(String specialistAgb, LocalDate from, LocalDate to, String reason, Instant at) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("an absence must not end before it starts");
        }
        AbsencePeriod absence = new AbsencePeriod();
        absence.id = UUID.randomUUID();
        absence.specialistAgb = Objects.requireNonNull(specialistAgb, "specialistAgb");
        absence.fromDate = from;
        absence.toDate = to;
        absence.reason = reason == null || reason.isBlank() ? null : reason.strip();
        absence.createdAt = at;
        return absence;
    }

    /** A specialist's absences, by first day. */
    public static List<AbsencePeriod> of(String specialistAgb) {
        return list("specialistAgb = ?1 order by fromDate, toDate", specialistAgb);
    }

    public UUID id() { return id; }
    public String specialistAgb() { return specialistAgb; }
    public LocalDate from() { return fromDate; }
    public LocalDate to() { return toDate; }
    public String reason() { return reason; }
    public Instant createdAt() { return createdAt; }
}
