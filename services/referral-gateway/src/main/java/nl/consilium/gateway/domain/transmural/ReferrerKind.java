package nl.consilium.gateway.domain.transmural;

import nl.consilium.identifiers.DutchIdentifiers;

/**
 * What kind of care provider sent the referral, as far as the gateway can tell. Derived from the
 * referrer's AGB code: its first two digits are the provider type (Vektis AGB register), 01 for a
 * general practitioner and 03 for a medical specialist.
 */
public enum ReferrerKind {
    /** A general practitioner (huisarts), AGB provider type 01. */
    GP,
    /**
     * A medical specialist, AGB provider type 03. The AGB does not say whether this is the patient's
     * treating specialist; the agreement is assessed as if it is.
     */
    SPECIALIST,
    /** A valid AGB code of another provider type (physiotherapist, pharmacist, an institution, …). */
    OTHER,
    /** No AGB code, or not 8 digits: the kind cannot be told. */
    UNKNOWN;

    /** AGB provider type (zorgverlenersoort) of general practitioners. */
    public static final String AGB_TYPE_GP = "01";
    /** AGB provider type (zorgverlenersoort) of medical specialists. */
    public static final String AGB_TYPE_SPECIALIST = "03";

    /** The kind for an AGB code (8 digits, no blanks); {@link #UNKNOWN} for null or a malformed code. */
    public static ReferrerKind fromAgb(String agb) {
        if (!DutchIdentifiers.isValidAgb(agb)) {
            return UNKNOWN;
        }
        return switch (agb.substring(0, 2)) {
            case AGB_TYPE_GP -> GP;
            case AGB_TYPE_SPECIALIST -> SPECIALIST;
            default -> OTHER;
        };
    }

    /** Whether a referrer of this kind is the one the agreement wants as author. */
    public boolean is(LetterAuthor author) {
        return switch (author) {
            case GP -> this == GP;
            case TREATING_SPECIALIST -> this == SPECIALIST;
        };
    }

    /** For the reason text: "a GP", "a medical specialist", … */
    String describe() {
        return switch (this) {
            case GP -> "a GP";
            case SPECIALIST -> "a medical specialist";
            case OTHER -> "a care provider who is neither a GP nor a medical specialist";
            case UNKNOWN -> "a referrer of unknown kind (no valid AGB code)";
        };
    }
}
