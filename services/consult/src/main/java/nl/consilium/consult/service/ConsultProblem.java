package nl.consilium.consult.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.consilium.consult.domain.IllegalConsultTransition;
import nl.consilium.platform.problem.Problem;
import nl.consilium.platform.problem.ProblemException;

/**
 * A refusal that says more than {@link ProblemException} can: a 409 names the consult's
 * {@code currentState}, a 400 on the query lists the {@code errors}. Rendered by the api's mapper as
 * problem+json with these extension members.
 */
public class ConsultProblem extends ProblemException {

    private final Map<String, Object> extensions;

    private ConsultProblem(String name, String title, int status, String detail, Map<String, Object> extensions) {
        super(name, title, status, detail);
        this.extensions = Map.copyOf(extensions);
    }

    /** 409 with the consult's current state. */
    public static ConsultProblem of(IllegalConsultTransition e) {
        String name = switch (e.reason()) {
            case ILLEGAL_TRANSITION -> "illegal-consult-transition";
            case NOT_READY -> "consult-not-ready";
            case REPORT_FINAL -> "report-final";
            case NO_DRAFT -> "no-draft-report";
            case REPORT_INCOMPLETE -> "report-incomplete";
            case NO_FINAL_REPORT -> "no-final-report";
            case CANCELLED -> "consult-cancelled";
        };
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("currentState", e.currentState().name());
        return new ConsultProblem(name, "Conflict with the current state", 409, e.getMessage(), extensions);
    }

    /** 400 naming the fields to fix, like the platform's validation problem. */
    public static ConsultProblem invalid(List<Problem.FieldError> errors) {
        return new ConsultProblem("validation-failed", "The request is not valid", 400,
                "Correct the fields listed in errors", Map.of("errors", List.copyOf(errors)));
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
