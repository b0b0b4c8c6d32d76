package nl.consilium.intake.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.platform.problem.ProblemException;

/**
 * A problem intake answers with extension members beside RFC 9457's own ({@code claimedBy},
 * {@code missing}, ...), so that a client can act on it without parsing the detail. The api package
 * renders it as problem+json.
 */
public class IntakeProblem extends ProblemException {

    /** The problem type names intake adds: {@code urn:consilium:problem:<name>}. */
    public static final String CLAIM_REQUIRED = "intake-claim-required";
    public static final String CLAIMED = "intake-claimed";
    public static final String DECISION_INCOMPLETE = "intake-decision-incomplete";

    private final Map<String, Object> extensions;

    public IntakeProblem(String name, String title, int status, String detail, Map<String, Object> extensions) {
        super(name, title, status, detail);
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** The extension members, in order; values may be null (rendered as JSON null). */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /**
     * 409: a change of the case needs its claim, and the caller does not hold it. {@code claimedBy} names
     * the nurse who does (null: nobody; claim it first).
     */
    static IntakeProblem claimRequired(UUID referralId, ClaimView claim) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("referralId", referralId);
        ext.put("claimedBy", claim == null ? null : claim.claimedBy());
        ext.put("claimStaleAt", claim == null ? null : claim.staleAt());
        String detail = claim == null
                ? "Only the nurse holding the case's claim may change it; claim it first (POST /api/intake/cases/"
                        + referralId + "/claim)"
                : "Only the nurse holding the case's claim may change it; " + claim.claimedBy()
                        + " holds it" + (claim.stale() ? " (stale: take it over with POST /api/intake/cases/" + referralId
                        + "/claim?takeOver=true)" : " (it goes stale at " + claim.staleAt() + ")");
        return new IntakeProblem(CLAIM_REQUIRED, "Claim required", 409, detail, ext);
    }

    /** 409: another nurse holds the claim and it is not stale, or it is stale but takeOver was not asked for. */
    static IntakeProblem claimedByAnother(UUID referralId, ClaimView claim) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("referralId", referralId);
        ext.put("claimedBy", claim.claimedBy());
        ext.put("claimStaleAt", claim.staleAt());
        ext.put("takeOverPossible", claim.stale());
        String detail = "The case is claimed by " + claim.claimedBy() + (claim.stale()
                ? "; the claim is stale, so you may take it over with takeOver=true"
                : "; it can be taken over once it is stale, at " + claim.staleAt());
        return new IntakeProblem(CLAIMED, "Claimed by another nurse", 409, detail, ext);
    }

    /** 422: a decision needs these fields first (their API names). */
    static IntakeProblem decisionIncomplete(List<String> missing) {
        return new IntakeProblem(DECISION_INCOMPLETE, "The decision cannot be taken yet", 422,
                "Record these first: " + String.join(", ", missing), Map.of("missing", List.copyOf(missing)));
    }
}
