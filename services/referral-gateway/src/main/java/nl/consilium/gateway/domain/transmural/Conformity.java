package nl.consilium.gateway.domain.transmural;

import java.util.Objects;

/** Whether the actual referrer is the one the transmural agreement asks for. */
public enum Conformity {
    /** The row is determined and the referrer is the expected kind. */
    CONFORMS,
    /** The row is determined and the referrer is of another kind: accepted, flagged for the intake nurse. */
    MISMATCH,
    /** The row is undetermined or the referrer's kind is unknown: flagged for the intake nurse. */
    UNVERIFIABLE;

    /** The conformity of a referrer of {@code referrer} kind in {@code row}. */
    public static Conformity of(TableRow row, ReferrerKind referrer) {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(referrer, "referrer");
        if (!row.isDetermined() || referrer == ReferrerKind.UNKNOWN) {
            return UNVERIFIABLE;
        }
        return referrer.is(row.expectedAuthor().orElseThrow()) ? CONFORMS : MISMATCH;
    }
}
