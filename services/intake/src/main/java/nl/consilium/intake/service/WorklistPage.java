package nl.consilium.intake.service;

import java.util.List;
import nl.consilium.intake.domain.IntakeCase;

/** One page of the worklist, most urgent first, with the number of cases on all pages. */
public record WorklistPage(List<Entry> entries, int page, int size, long total) {

    /**
     * A case on the worklist with what the nurse scans for: who claimed it (null: nobody), whether the
     * referral letter arrived and whether the gateway flagged the transmural agreement.
     */
    public record Entry(IntakeCase intakeCase, String claimedBy, boolean letterReceived, boolean transmuralFlagged) {
    }

    public long totalPages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }
}
