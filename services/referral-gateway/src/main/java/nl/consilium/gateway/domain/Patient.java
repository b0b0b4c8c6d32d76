package nl.consilium.gateway.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * The internal patient id for a BSN: the same BSN always gets the same id. The BSN is kept only
 * here; every other table, event and answer knows the patient by {@link #id()}.
 */
@Entity
@Table(name = "patient")
@Immutable
public class Patient extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String bsn;

    protected Patient() {
    }

    /**
     * The patient id for {@code bsn}, created on first sight. Safe under concurrent deliveries: the
     * insert waits for a concurrent one with the same BSN and then finds its row.
     */
    public static UUID idFor(String bsn) {
        Panache.getEntityManager()
                .createNativeQuery("insert into patient (id, bsn) values (?1, ?2) on conflict (bsn) do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, bsn)
                .executeUpdate();
        Patient patient = find("bsn", bsn).firstResult();
        return patient.id;
    }

    public UUID id() {
        return id;
    }

    @Override
    public String toString() {
        return "Patient[" + id + "]";
    }
}
