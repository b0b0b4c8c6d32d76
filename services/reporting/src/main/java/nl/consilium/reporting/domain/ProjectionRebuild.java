package nl.consilium.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One rebuild of reporting's projections from the topics: who asked for it, when, how far it got.
 * Operational state, not a projection: a rebuild never empties this table.
 */
@Entity
@Table(name = "projection_rebuild")
public class ProjectionRebuild extends PanacheEntityBase {

    private static final int FAILURE_LENGTH = 500;

    @Id
    @Column(name = "rebuild_id")
    private UUID rebuildId;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RebuildStatus status;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "records_read", nullable = false)
    private long recordsRead;

    @Column(name = "events_applied", nullable = false)
    private long eventsApplied;

    @Column(name = "events_skipped", nullable = false)
    private long eventsSkipped;

    @Column(name = "records_unreadable", nullable = false)
    private long recordsUnreadable;

    @Column(name = "failure")
    private String failure;

    protected ProjectionRebuild() {
    }

    public static ProjectionRebuild requested(String requestedBy, Instant at) {
        ProjectionRebuild rebuild = new ProjectionRebuild();
        rebuild.rebuildId = UUID.randomUUID();
        rebuild.status = RebuildStatus.RUNNING;
        rebuild.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        rebuild.requestedAt = Objects.requireNonNull(at, "at");
        return rebuild;
    }

    /** How far the replay got: records read, events applied, events skipped (applied before), unreadable records. */
    public void progress(long read, long applied, long skipped, long unreadable) {
        requireRunning();
        this.recordsRead = read;
        this.eventsApplied = applied;
        this.eventsSkipped = skipped;
        this.recordsUnreadable = unreadable;
    }

    public void finish(Instant at) {
        requireRunning();
        this.status = RebuildStatus.DONE;
        this.finishedAt = at;
    }

    /** Failed; {@code reason} names the error's class only (a message could quote patient data). */
    public void fail(String reason, Instant at) {
        requireRunning();
        this.status = RebuildStatus.FAILED;
        this.failure = reason == null || reason.length() <= FAILURE_LENGTH ? reason : reason.substring(0, FAILURE_LENGTH);
        this.finishedAt = at;
    }

    /** The instance that ran it is gone (found at start-up). */
    public void interrupt(Instant at) {
        requireRunning();
        this.status = RebuildStatus.INTERRUPTED;
        this.finishedAt = at;
    }

    private void requireRunning() {
        if (status != RebuildStatus.RUNNING) {
            throw new IllegalStateException("The rebuild is " + status);
        }
    }

    public UUID rebuildId() { return rebuildId; }
    public RebuildStatus status() { return status; }
    public String requestedBy() { return requestedBy; }
    public Instant requestedAt() { return requestedAt; }
    public Instant finishedAt() { return finishedAt; }
    public long recordsRead() { return recordsRead; }
    public long eventsApplied() { return eventsApplied; }
    public long eventsSkipped() { return eventsSkipped; }
    public long recordsUnreadable() { return recordsUnreadable; }
    public String failure() { return failure; }
}
