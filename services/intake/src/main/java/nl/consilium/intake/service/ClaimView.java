package nl.consilium.intake.service;

import java.time.Duration;
import java.time.Instant;
import nl.consilium.intake.domain.IntakeClaim;

/**
 * A case's claim as the caller sees it: who holds it since when, their last activity on the case, when
 * it goes (or went) stale, whether it is stale now and whether the caller holds it.
 */
public record ClaimView(String claimedBy, Instant claimedAt, Instant lastActivityAt, Instant staleAt, boolean stale,
        boolean heldByCaller) {

    static ClaimView of(IntakeClaim claim, Duration staleAfter, Instant now, String caller) {
        return claim == null ? null
                : new ClaimView(claim.claimedBy(), claim.claimedAt(), claim.lastActivityAt(), claim.staleAt(staleAfter),
                        claim.isStale(now, staleAfter), claim.heldBy(caller));
    }
}
