package nl.consilium.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import nl.consilium.reporting.domain.ProjectionRebuild;
import nl.consilium.reporting.domain.RebuildStatus;
import nl.consilium.reporting.service.ProjectionRebuilds;

/**
 * Rebuilding reporting's projections from the topics (coordinator): {@code POST} starts one (202, with
 * its {@code Location}; 409 {@code rebuild-running} while one runs), {@code GET} tells how far it is.
 * See the service README, "Rebuilding the projections".
 */
@Path("/api/reporting/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    @Inject
    ProjectionRebuilds rebuilds;

    @POST
    @RolesAllowed("coordinator")
    public Response start() {
        ProjectionRebuild rebuild = rebuilds.start();
        return Response.accepted(RebuildView.of(rebuild))
                .location(URI.create("/api/reporting/admin/rebuild/" + rebuild.rebuildId())).build();
    }

    @GET
    @Path("/{rebuildId}")
    @RolesAllowed("coordinator")
    public RebuildView get(@PathParam("rebuildId") UUID rebuildId) {
        return RebuildView.of(rebuilds.get(rebuildId));
    }

    /**
     * A rebuild: its state, who asked, when it started and finished, and the records it read (applied,
     * skipped as applied before or of a type reporting does not use, unreadable).
     */
    public record RebuildView(UUID rebuildId, RebuildStatus status, String requestedBy, Instant requestedAt,
            Instant finishedAt, long recordsRead, long eventsApplied, long eventsSkipped, long recordsUnreadable,
            String failure) {
        static RebuildView of(ProjectionRebuild r) {
            return new RebuildView(r.rebuildId(), r.status(), r.requestedBy(), r.requestedAt(), r.finishedAt(),
                    r.recordsRead(), r.eventsApplied(), r.eventsSkipped(), r.recordsUnreadable(), r.failure());
        }
    }
}
