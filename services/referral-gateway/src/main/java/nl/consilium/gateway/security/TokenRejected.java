package nl.consilium.gateway.security;

/**
 * Why a ZorgDomein bearer token was not accepted. {@code diagnostics} tells the sender what to fix;
 * it never quotes the token. {@code keys} says, for the log, which configured key(s) were involved:
 * the ones tried when no signature verified, the one that verified it when a later check failed.
 */
public final class TokenRejected extends RuntimeException {

    /** The kinds of rejection (all answered 401). */
    public enum Reason {
        MISSING_TOKEN, MALFORMED, UNSIGNED, UNSUPPORTED_ALGORITHM, BAD_SIGNATURE, UNTRUSTED_ISSUER, WRONG_AUDIENCE,
        MISSING_CLAIM, ISSUED_IN_FUTURE, TOO_OLD, EXPIRED, NOT_YET_VALID, REPLAYED
    }

    private final Reason reason;
    private final String keys;

    public TokenRejected(Reason reason, String diagnostics) {
        this(reason, diagnostics, null);
    }

    private TokenRejected(Reason reason, String diagnostics, String keys) {
        super(diagnostics, null, false, false);
        this.reason = reason;
        this.keys = keys;
    }

    /** The same rejection, noting the configured key(s) involved (for the log only). */
    public TokenRejected withKeys(String keys) {
        return new TokenRejected(reason, getMessage(), keys);
    }

    public Reason reason() {
        return reason;
    }

    /** Which configured key(s) were tried or verified the signature; "no key tried" before the signature. */
    public String keys() {
        return keys == null ? "no key tried" : keys;
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
