package nl.consilium.gateway.domain.transmural;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link TransmuralAgreement#assess}: the row of the table that applies, what that
 * row asks, and whether the actual referrer matches. Immutable; {@code conformity} always equals
 * {@link Conformity#of(TableRow, ReferrerKind)}. {@code toString} leaves out the row and the reason:
 * they describe the patient's situation.
 *
 * @param row the row of the table, or {@link TableRow#UNDETERMINED}
 * @param referrer the kind of the actual referrer
 * @param conformity whether the referrer is the one the row asks for
 * @param reason an English explanation for the intake nurse (medical content: do not log it)
 */
public record TransmuralAssessment(TableRow row, ReferrerKind referrer, Conformity conformity, String reason) {

    public TransmuralAssessment {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(conformity, "conformity");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an assessment needs a reason");
        }
        if (conformity != Conformity.of(row, referrer)) {
            throw new IllegalArgumentException("conformity " + conformity + " does not follow from row "
                    + row.label() + " and referrer " + referrer);
        }
    }

    /** Who should have written the letter; empty when the row is undetermined. */
    public Optional<LetterAuthor> expectedAuthor() {
        return row.expectedAuthor();
    }

    /** Whether the referral counts as a new referral (rows 2c and 3). */
    public boolean newReferral() {
        return row.newReferral();
    }

    /** Whether a copy of the letter to the first specialist is required (row 3). */
    public boolean copyToFirstSpecialistRequired() {
        return row.copyToFirstSpecialistRequired();
    }

    /** The extra step the row asks for; {@link ExtraStep#NONE} when none (or undetermined). */
    public ExtraStep extraStep() {
        return row.extraStep();
    }

    /** The row is determined and the referrer is of another kind than the row asks for. */
    public boolean mismatch() {
        return conformity == Conformity.MISMATCH;
    }

    /** Whether the intake nurse should look at it: a mismatch, an undetermined row or an unknown referrer. */
    public boolean flaggedForIntake() {
        return conformity != Conformity.CONFORMS;
    }

    @Override
    public String toString() {
        return "TransmuralAssessment[" + conformity + ", referrer " + referrer + "; situation not shown]";
    }
}
