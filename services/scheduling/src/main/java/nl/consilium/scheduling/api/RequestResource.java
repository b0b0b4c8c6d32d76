package nl.consilium.scheduling.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.consilium.scheduling.api.SchedulingRequests.AssignmentRequest;
import nl.consilium.scheduling.api.SchedulingRequests.CancellationRequest;
import nl.consilium.scheduling.api.SchedulingRequests.RescheduleRequest;
import nl.consilium.scheduling.api.SchedulingResponses.AppointmentView;
import nl.consilium.scheduling.api.SchedulingResponses.Page;
import nl.consilium.scheduling.api.SchedulingResponses.RequestDetailView;
import nl.consilium.scheduling.api.SchedulingResponses.RequestSummary;
import nl.consilium.scheduling.domain.Appointment;
import nl.consilium.scheduling.domain.ConsultRequestStatus;
import nl.consilium.scheduling.service.CoordinatorService;
import nl.consilium.scheduling.service.CoordinatorService.RequestPage;

/**
 * The coordinator's list of scheduling requests (one per suitable referral), the rationale of
 * matching, and the manual assignment, rescheduling and cancellation of consults.
 */
@Path("/api/scheduling/requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("coordinator")
public class RequestResource {

    private static final String STATUS = "UNASSIGNED|MATCHING_FAILED|REPEATED_NO_SHOW|BOOKED|CANCELLED";

    @Inject
    CoordinatorService coordinator;

    /**
     * The requests with the given statuses (comma-separated; default the open ones,
     * {@code MATCHING_FAILED,UNASSIGNED,REPEATED_NO_SHOW}), oldest first, paged.
     */
    @GET
    public Page<RequestSummary> list(
            @QueryParam("status") @DefaultValue("MATCHING_FAILED,UNASSIGNED,REPEATED_NO_SHOW")
            @Pattern(regexp = "(" + STATUS + ")(,(" + STATUS + "))*",
                    message = "must be one or more of UNASSIGNED, MATCHING_FAILED, REPEATED_NO_SHOW, BOOKED, CANCELLED,"
                            + " comma-separated")
            String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        EnumSet<ConsultRequestStatus> statuses = Arrays.stream(status.split(",")).map(ConsultRequestStatus::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConsultRequestStatus.class)));
        RequestPage found = coordinator.requests(statuses, page, size);
        Map<UUID, Appointment> booked = found.booked().stream()
                .collect(Collectors.toMap(Appointment::referralId, Function.identity()));
        return SchedulingResponses.page(found.requests().stream()
                .map(r -> RequestSummary.of(r, booked.get(r.referralId()))).toList(), page, size, found.total());
    }

    /** One request with its consult, its bookings and the rationale of every matching run. */
    @GET
    @Path("/{referralId}")
    public RequestDetailView get(@PathParam("referralId") UUID referralId) {
        return RequestDetailView.of(coordinator.request(referralId));
    }

    /** Assigns a specialist and slot by hand to a request without a consult. */
    @POST
    @Path("/{referralId}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(@PathParam("referralId") UUID referralId, @NotNull @Valid AssignmentRequest request) {
        AppointmentView booked = AppointmentView.of(coordinator.assign(referralId, request.toChoice()));
        return Response.created(URI.create("/api/appointments/" + referralId)).entity(booked).build();
    }

    /** Moves the booked consult (by the rules, or to the given specialist and slot). */
    @POST
    @Path("/{referralId}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public AppointmentView reschedule(@PathParam("referralId") UUID referralId,
            @NotNull @Valid RescheduleRequest request) {
        return AppointmentView.of(coordinator.reschedule(referralId, request.requestedBy(), request.reason(),
                request.toChoice()));
    }

    /** Cancels the booked consult; the slot is free again. */
    @POST
    @Path("/{referralId}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    public AppointmentView cancel(@PathParam("referralId") UUID referralId, @NotNull @Valid CancellationRequest request) {
        return AppointmentView.of(coordinator.cancel(referralId, request.requestedBy(), request.reason()));
    }
}
