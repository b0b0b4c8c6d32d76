package nl.consilium.gateway.domain;

/**
 * A ZorgDomein document the gateway does not take, with what to fix. Answered as a FHIR
 * OperationOutcome: {@code issueCode} is a FHIR issue type (invalid, structure, required, value,
 * not-supported, conflict, duplicate, too-long), {@code expression} the FHIRPath of the element at fault.
 * The message never quotes patient data.
 */
public class DocumentRejected extends RuntimeException {

    private final int status;
    private final String issueCode;
    private final String expression;

    private DocumentRejected(int status, String issueCode, String expression, String diagnostics) {
        super(diagnostics, null, false, false);
        this.status = status;
        this.issueCode = issueCode;
        this.expression = expression;
    }

    /** 400: not a readable document of the expected shape. */
    public static DocumentRejected invalid(String issueCode, String expression, String diagnostics) {
        return new DocumentRejected(400, issueCode, expression, diagnostics);
    }

    /** 422: a well-formed document that the platform cannot take (invalid BSN, unsupported type or product). */
    public static DocumentRejected unacceptable(String issueCode, String expression, String diagnostics) {
        return new DocumentRejected(422, issueCode, expression, diagnostics);
    }

    /** 409: the document conflicts with one received before. */
    public static DocumentRejected conflict(String issueCode, String expression, String diagnostics) {
        return new DocumentRejected(409, issueCode, expression, diagnostics);
    }

    public int status() {
        return status;
    }

    public String issueCode() {
        return issueCode;
    }

    /** The FHIRPath of the element at fault; null when the document as a whole is. */
    public String expression() {
        return expression;
    }
}
