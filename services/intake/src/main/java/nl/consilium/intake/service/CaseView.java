package nl.consilium.intake.service;

import java.util.List;
import nl.consilium.intake.domain.AvailabilitySlot;
import nl.consilium.intake.domain.CallAttempt;
import nl.consilium.intake.domain.ClaimChange;
import nl.consilium.intake.domain.IntakeCase;
import nl.consilium.intake.domain.ObjectionChange;
import nl.consilium.intake.domain.ReferralDocument;

/**
 * One case with everything the nurse sees of it, read in one transaction (the dossier comes from
 * {@link DossierService#dossierOf}).
 *
 * @param availability the case's availability windows (read inside the transaction)
 * @param claim the current claim; null when nobody holds it
 * @param documents the referral's letter, supplements and questionnaire, as they arrived
 * @param missingForSuitable what a suitable decision still needs (empty once decided or cancelled)
 */
public record CaseView(IntakeCase intakeCase, List<AvailabilitySlot> availability, ClaimView claim,
        List<ClaimChange> claimHistory, List<CallAttempt> callAttempts, List<ObjectionChange> objectionHistory,
        List<ReferralDocument> documents, List<String> missingForSuitable) {
}
