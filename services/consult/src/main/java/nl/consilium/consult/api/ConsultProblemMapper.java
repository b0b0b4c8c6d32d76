package nl.consilium.consult.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.consilium.consult.service.ConsultProblem;
import nl.consilium.platform.problem.Problem;

/** Renders a {@link ConsultProblem} as RFC 9457 problem+json with its extension members ({@code currentState}, {@code errors}). */
@Provider
public class ConsultProblemMapper implements ExceptionMapper<ConsultProblem> {

    @Override
    public Response toResponse(ConsultProblem e) {
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
