package nl.consilium.scheduling.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.scheduling.api.SchedulingRequests.AbsenceRequest;
import nl.consilium.scheduling.api.SchedulingRequests.AdditionRequest;
import nl.consilium.scheduling.api.SchedulingRequests.NewSpecialistRequest;
import nl.consilium.scheduling.api.SchedulingRequests.SpecialistUpdateRequest;
import nl.consilium.scheduling.api.SchedulingRequests.WeeklyWindowsRequest;
import nl.consilium.scheduling.api.SchedulingRequests.WindowRequest;
import nl.consilium.scheduling.api.SchedulingResponses.AbsenceView;
import nl.consilium.scheduling.api.SchedulingResponses.AdditionView;
import nl.consilium.scheduling.api.SchedulingResponses.AgendaItem;
import nl.consilium.scheduling.api.SchedulingResponses.AvailabilityView;
import nl.consilium.scheduling.api.SchedulingResponses.Page;
import nl.consilium.scheduling.api.SchedulingResponses.SlotsView;
import nl.consilium.scheduling.api.SchedulingResponses.SpecialistView;
import nl.consilium.scheduling.api.validation.SpecialtyCode;
import nl.consilium.scheduling.domain.Specialist;
import nl.consilium.scheduling.domain.Specialty;
import nl.consilium.scheduling.service.AvailabilityService;
import nl.consilium.scheduling.service.RegistryService;
import nl.consilium.scheduling.service.RegistryService.SpecialistPage;

/**
 * The specialist registry, availability, slots and agenda. The coordinator works on every specialist;
 * a specialist on their own (by the token's {@code agb} claim; another's answers 404).
 */
@Path("/api/scheduling/specialists")
@Produces(MediaType.APPLICATION_JSON)
public class SpecialistResource {

    @Inject
    RegistryService registry;

    @Inject
    AvailabilityService availability;

    @Inject
    Clock clock;

    /** The registry by AGB code, optionally of one specialty and/or activity. */
    @GET
    @RolesAllowed("coordinator")
    public Page<SpecialistView> list(@QueryParam("specialty") @SpecialtyCode String specialty,
            @QueryParam("active") Boolean active,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        SpecialistPage found = registry.specialists(specialty == null ? null : Specialty.ofCode(specialty).orElseThrow(),
                active, page, size);
        Map<String, String> names = registry.organisationNames();
        return SchedulingResponses.page(found.specialists().stream().map(s -> SpecialistView.of(s, names)).toList(),
                page, size, found.total());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("coordinator")
    public Response register(@NotNull @Valid NewSpecialistRequest request) {
        Specialist specialist = registry.register(request.agb(), request.toChange());
        return Response.created(URI.create("/api/scheduling/specialists/" + specialist.agb()))
                .entity(view(specialist)).build();
    }

    /** The caller's own profile. */
    @GET
    @Path("/me")
    @RolesAllowed("specialist")
    public SpecialistView me() {
        return view(registry.me());
    }

    /** The caller's booked consults from {@code from} (default today) to {@code to} (default four weeks later). */
    @GET
    @Path("/me/agenda")
    @RolesAllowed("specialist")
    public List<AgendaItem> myAgenda(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = TimeParams.from(from, TimeParams.startOfToday(clock.instant()));
        return availability.myAgenda(start, TimeParams.to(to, start.plus(Duration.ofDays(28)))).stream()
                .map(AgendaItem::of).toList();
    }

    @GET
    @Path("/{agb}")
    @RolesAllowed({"coordinator", "specialist"})
    public SpecialistView get(@PathParam("agb") String agb) {
        return view(registry.specialist(agb));
    }

    @PUT
    @Path("/{agb}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"coordinator", "specialist"})
    public SpecialistView change(@PathParam("agb") String agb, @NotNull @Valid SpecialistUpdateRequest request) {
        return view(registry.change(agb, request.toChange()));
    }

    /** Not matched any more; booked consults stay. */
    @POST
    @Path("/{agb}/deactivation")
    @RolesAllowed("coordinator")
    public SpecialistView deactivate(@PathParam("agb") String agb) {
        return view(registry.deactivate(agb));
    }

    @GET
    @Path("/{agb}/availability")
    @RolesAllowed({"coordinator", "specialist"})
    public AvailabilityView availability(@PathParam("agb") String agb) {
        return AvailabilityView.of(availability.availability(agb));
    }

    /** Replaces the weekly windows (with the availability {@code version} read; else 409). */
    @PUT
    @Path("/{agb}/availability/weekly")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"coordinator", "specialist"})
    public AvailabilityView replaceWeekly(@PathParam("agb") String agb, @NotNull @Valid WeeklyWindowsRequest request) {
        return AvailabilityView.of(availability.replaceWeekly(agb, request.version(),
                request.windows().stream().map(WindowRequest::toHours).toList()));
    }

    @POST
    @Path("/{agb}/availability/additions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"coordinator", "specialist"})
    public Response addHours(@PathParam("agb") String agb, @NotNull @Valid AdditionRequest request) {
        AdditionView added = AdditionView.of(availability.addHours(agb, request.date(), request.from(), request.to()));
        return Response.created(URI.create("/api/scheduling/specialists/" + agb + "/availability/additions/"
                + added.id())).entity(added).build();
    }

    @DELETE
    @Path("/{agb}/availability/additions/{id}")
    @RolesAllowed({"coordinator", "specialist"})
    public Response removeHours(@PathParam("agb") String agb, @PathParam("id") UUID id) {
        availability.removeHours(agb, id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{agb}/availability/absences")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"coordinator", "specialist"})
    public Response addAbsence(@PathParam("agb") String agb, @NotNull @Valid AbsenceRequest request) {
        AbsenceView added = AbsenceView.of(availability.addAbsence(agb, request.from(), request.to(),
                request.reason()));
        return Response.created(URI.create("/api/scheduling/specialists/" + agb + "/availability/absences/"
                + added.id())).entity(added).build();
    }

    @DELETE
    @Path("/{agb}/availability/absences/{id}")
    @RolesAllowed({"coordinator", "specialist"})
    public Response removeAbsence(@PathParam("agb") String agb, @PathParam("id") UUID id) {
        availability.removeAbsence(agb, id);
        return Response.noContent().build();
    }

    /**
     * The specialist's slots, free and booked, from {@code from} (default today) to {@code to} (default
     * two weeks later); at most {@code consilium.scheduling.max-range} (12 weeks) at once.
     */
    @GET
    @Path("/{agb}/slots")
    @RolesAllowed({"coordinator", "specialist"})
    public SlotsView slots(@PathParam("agb") String agb, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = TimeParams.from(from, TimeParams.startOfToday(clock.instant()));
        return SlotsView.of(availability.slots(agb, start, TimeParams.to(to, start.plus(Duration.ofDays(14)))));
    }

    /** The specialist's booked consults from {@code from} (default today) to {@code to} (default four weeks later). */
    @GET
    @Path("/{agb}/agenda")
    @RolesAllowed({"coordinator", "specialist"})
    public List<AgendaItem> agenda(@PathParam("agb") String agb, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Instant start = TimeParams.from(from, TimeParams.startOfToday(clock.instant()));
        return availability.agenda(agb, start, TimeParams.to(to, start.plus(Duration.ofDays(28)))).stream()
                .map(AgendaItem::of).toList();
    }

    private SpecialistView view(Specialist specialist) {
        return SpecialistView.of(specialist, registry.organisationNames());
    }
}
