package nl.consilium.gateway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import nl.consilium.platform.problem.ProblemMappers;

/**
 * A rejected ZorgDomein token answers 401 as a FHIR OperationOutcome whose diagnostics say what is
 * wrong. Every other failed authentication keeps the platform's problem+json. Its priority is above
 * the platform's mapper for the same exception.
 */
@Provider
@Priority(Priorities.USER - 100)
public class ZorgDomeinAuthenticationFailedMapper implements ExceptionMapper<AuthenticationFailedException> {

    @Inject
    CurrentVertxRequest request;

    @Override
    public Response toResponse(AuthenticationFailedException e) {
        TokenRejected rejected = e.getAttribute(ZorgDomeinIdentityProvider.REJECTION) instanceof TokenRejected r ? r
                : fromContext();
        if (rejected == null) {
            return ProblemMappers.unauthorized();
        }
        return Response.status(Response.Status.UNAUTHORIZED)
                .type(FhirPaths.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, rejected.reason() == TokenRejected.Reason.MISSING_TOKEN
                        ? "Bearer" : "Bearer error=\"invalid_token\"")
                .entity(FhirPaths.outcome(rejected.issueCode(), rejected.diagnostics()))
                .build();
    }

    private TokenRejected fromContext() {
        RoutingContext context = request == null ? null : request.getCurrent();
        return context != null && context.get(ZorgDomeinIdentityProvider.REJECTION) instanceof TokenRejected r ? r : null;
    }
}
