package nl.consilium.gateway.security;

/**
 * Why a ZorgDomein bearer token was not accepted. {@code diagnostics} tells the sender what to fix;
 * it never quotes the token.
 */
public final class TokenRejected extends RuntimeException {

    /** The kinds of rejection (all answered 401). */
    public enum Reason {
        MISSING_TOKEN, MALFORMED, UNSIGNED, UNSUPPORTED_ALGORITHM, BAD_SIGNATURE, UNTRUSTED_ISSUER, WRONG_AUDIENCE,
        MISSING_CLAIM, ISSUED_IN_FUTURE, TOO_OLD, EXPIRED, NOT_YET_VALID, REPLAYED
    }

    private final Reason reason;

    public TokenRejected(Reason reason, String diagnostics) {
        super(diagnostics, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String diagnostics() {
        return getMessage();
    }

    /** The FHIR issue type code: {@code login} when no token came, {@code expired} for an old one. */
    public String issueCode() {
        return switch (reason) {
            case MISSING_TOKEN -> "login";
            case EXPIRED, TOO_OLD -> "expired";
            default -> "security";
        };
    }
}
