package nl.consilium.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

/**
 * Every error a service answers is RFC 9457 problem+json with a stable type. The catch-all answers
 * 500 with an incident id and logs only exception classes: messages can quote patient data.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return ProblemResponses.of(e.toProblem());
        }
    }

    @Provider
    public static class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            return ProblemResponses.of(new Problem(Problem.type("validation-failed"), "The request is not valid", 400,
                    "Correct the fields listed in errors", null, errors));
        }

        /** The property path without the method and parameter names: {@code decide.request.reasons} → {@code reasons}. */
        private static String field(ConstraintViolation<?> violation) {
            String path = violation.getPropertyPath().toString();
            String[] parts = path.split("\\.");
            return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
        }
    }

    @Provider
    public static class MalformedBodyMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return ProblemResponses.of(Problem.of("malformed-request", "The request body cannot be read", 400,
                    "The body is not valid JSON of the expected shape" + where));
        }
    }

    /** Jackson's own mapper for this subtype would otherwise echo the input. */
    @Provider
    public static class MismatchedInputMapper
            implements ExceptionMapper<com.fasterxml.jackson.databind.exc.MismatchedInputException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            return new MalformedBodyMapper().toResponse(e);
        }
    }

    @Provider
    public static class UnauthorizedMapper implements ExceptionMapper<UnauthorizedException> {
        @Override
        public Response toResponse(UnauthorizedException e) {
            return unauthorized();
        }
    }

    @Provider
    public static class AuthenticationFailedMapper implements ExceptionMapper<AuthenticationFailedException> {
        @Override
        public Response toResponse(AuthenticationFailedException e) {
            return unauthorized();
        }
    }

    @Provider
    public static class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException e) {
            return ProblemResponses.of(Problem.of("forbidden", "Forbidden", 403,
                    "Your role does not allow this operation"));
        }
    }

    @Provider
    public static class OptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return concurrentModification();
        }
    }

    @Provider
    public static class StaleStateMapper implements ExceptionMapper<StaleStateException> {
        @Override
        public Response toResponse(StaleStateException e) {
            return concurrentModification();
        }
    }

    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return internalError(e);
            }
            Throwable cause = e.getCause();
            if (cause instanceof JsonProcessingException json) {
                return new MalformedBodyMapper().toResponse(json);
            }
            Response.Status known = Response.Status.fromStatusCode(status);
            String title = known == null ? "Request failed" : known.getReasonPhrase();
            String name = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
            Response.ResponseBuilder response = Response.fromResponse(ProblemResponses.of(
                    Problem.of(name, title, status, detailFor(status))));
            return response.type(Problem.MEDIA_TYPE).build();
        }

        private static String detailFor(int status) {
            return switch (status) {
                case 404 -> "There is no such resource";
                case 405 -> "This resource does not support that method";
                case 406 -> "This resource cannot answer in the requested media type";
                case 415 -> "This resource does not accept that content type";
                default -> "The request cannot be handled";
            };
        }
    }

    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Exception> {
        @Override
        public Response toResponse(Exception e) {
            return internalError(e);
        }
    }

    public static Response unauthorized() {
        return Response.fromResponse(ProblemResponses.of(Problem.of("unauthorized", "Unauthorized", 401,
                        "Send a valid bearer token from the Consilium identity provider")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    public static Response concurrentModification() {
        return ProblemResponses.of(Problem.of("concurrent-modification", "Changed by someone else", 409,
                "The resource was changed while you were changing it; read it again and retry"));
    }

    public static Response internalError(Throwable e) {
        UUID incident = UUID.randomUUID();
        LOG.errorf("Incident %s: unexpected %s", incident, classChain(e));
        LOG.debugf(e, "Incident %s", incident);
        return ProblemResponses.of(Problem.of("internal-error", "Internal error", 500,
                "Something went wrong on our side; quote incident " + incident));
    }

    private static String classChain(Throwable e) {
        StringBuilder chain = new StringBuilder(e.getClass().getName());
        StackTraceElement[] frames = e.getStackTrace();
        if (frames.length > 0) {
            chain.append(" at ").append(frames[0]);
        }
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            chain.append(" <- ").append(t.getClass().getName());
        }
        return chain.toString();
    }
}
