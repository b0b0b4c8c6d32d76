package nl.consilium.intake.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.consilium.intake.service.IntakeProblem;
import nl.consilium.platform.problem.Problem;

/** Renders an {@link IntakeProblem} as RFC 9457 problem+json with its extension members. */
@Provider
public class IntakeProblemMapper implements ExceptionMapper<IntakeProblem> {

    @Override
    public Response toResponse(IntakeProblem e) {
        Problem problem = e.toProblem();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        e.extensions().forEach(body::putIfAbsent);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
