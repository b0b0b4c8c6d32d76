package nl.consilium.scheduling.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import nl.consilium.platform.problem.Problem;
import nl.consilium.scheduling.service.AssignmentRefused;

/**
 * 422 {@code urn:consilium:problem:assignment-refused}: the coordinator's choice breaks the matching
 * rules; {@code violations} lists each as {@code "<RULE>: <sentence>"}.
 */
@Provider
public class AssignmentRefusedMapper implements ExceptionMapper<AssignmentRefused> {

    /** problem+json with the violations as an extension member. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RefusalProblem(URI type, String title, int status, String detail, List<String> violations) {
    }

    @Override
    public Response toResponse(AssignmentRefused e) {
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(new RefusalProblem(Problem.type("assignment-refused"),
                "Unprocessable request", 422, e.getMessage(), e.violations())).build();
    }
}
