package nl.consilium.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A suitable referral that scheduling could not book by itself (no independent specialist of the
 * specialty, or no free slot): it waits for the coordinator. Its id is the referral id.
 */
@Entity
@Table(name = "consult_request")
public class ConsultRequest extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    private UUID referralId;

    @Version
    private long version;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "specialty")
    private String specialty;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConsultRequestStatus status;

    @Column(nullable = false)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    protected ConsultRequest() {
    }

    /** A request the coordinator has to assign; {@code reason} says why it could not be booked. */
    public static ConsultRequest unassigned(UUID referralId, UUID patientId, String specialty, String reason,
            Instant at) {
        ConsultRequest request = new ConsultRequest();
        request.referralId = referralId;
        request.patientId = patientId;
        request.specialty = specialty;
        request.status = ConsultRequestStatus.UNASSIGNED;
        request.reason = reason;
        request.createdAt = at;
        return request;
    }

    /**
     * The referral was cancelled: nobody needs to be assigned any more. Only an open
     * ({@code UNASSIGNED}) request is closed; a closed one is left as it is.
     *
     * @return false when the request was not open
     */
    public boolean cancel(Instant at) {
        if (status != ConsultRequestStatus.UNASSIGNED) {
            return false;
        }
        this.status = ConsultRequestStatus.CANCELLED;
        this.cancelledAt = Objects.requireNonNull(at, "at");
        return true;
    }

    /** The requests with this status, oldest first. */
    public static List<ConsultRequest> withStatus(ConsultRequestStatus status) {
        return list("status = ?1 order by createdAt, referralId", status);
    }

    public UUID referralId() { return referralId; }
    public UUID patientId() { return patientId; }
    public String specialty() { return specialty; }
    public ConsultRequestStatus status() { return status; }
    public String reason() { return reason; }
    public Instant createdAt() { return createdAt; }
    public Instant cancelledAt() { return cancelledAt; }
    public long version() { return version; }
}
