package nl.consilium.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A FHIR STU3 OperationOutcome: how the FHIR endpoint answers, for errors and for success.
 * {@code diagnostics} says what to fix and never repeats patient data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OperationOutcome(String resourceType, List<Issue> issue) {

    public static final String MEDIA_TYPE = "application/fhir+json";

    /** One issue: severity (fatal, error, warning, information), FHIR issue type code, text, FHIRPath. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Issue(String severity, String code, String diagnostics, List<String> expression) {
    }

    public static OperationOutcome error(String code, String diagnostics, String expression) {
        return new OperationOutcome("OperationOutcome",
                List.of(new Issue("error", code, diagnostics, expression == null ? List.of() : List.of(expression))));
    }

    public static OperationOutcome information(String diagnostics) {
        return new OperationOutcome("OperationOutcome",
                List.of(new Issue("information", "informational", diagnostics, List.of())));
    }
}
