package nl.consilium.reporting.domain;

/** Where a rebuild of the projections stands. */
public enum RebuildStatus {
    /** Emptying the projections and reading the topics from the beginning. */
    RUNNING,
    /** Every record up to the end offsets seen at the start was read; the consumers carry on live. */
    DONE,
    /** Stopped by an error; the projections are incomplete until a rebuild succeeds. */
    FAILED,
    /** The instance running it stopped before it finished; the projections are incomplete until a rebuild succeeds. */
    INTERRUPTED
}
