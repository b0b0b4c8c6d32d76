package nl.consilium.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.consilium.intake.api.IntakeCaseResponses.CallAttemptResponse;
import nl.consilium.intake.api.IntakeCaseResponses.CaseDetails;
import nl.consilium.intake.api.IntakeCaseResponses.Claim;
import nl.consilium.intake.api.IntakeCaseResponses.Readiness;
import nl.consilium.intake.api.IntakeCaseResponses.Worklist;
import nl.consilium.intake.api.IntakeRequests.CallAttemptRequest;
import nl.consilium.intake.api.IntakeRequests.DecisionRequest;
import nl.consilium.intake.api.IntakeRequests.IntakeRecordRequest;
import nl.consilium.intake.config.IntakeConfig;
import nl.consilium.intake.domain.IntakeStatus;
import nl.consilium.intake.service.CaseView;
import nl.consilium.intake.service.DossierService;
import nl.consilium.intake.service.IntakeProblem;
import nl.consilium.intake.service.IntakeService;
import nl.consilium.platform.problem.Problem;

/**
 * The nurse's worklist and intake cases. Nurses and coordinators read; the nurse holding a case's
 * claim changes it. A change may carry the case {@code version} the client saw (in the body, or as
 * {@code If-Match}); when the case changed since, it answers 409 {@code concurrent-modification}.
 */
@Path("/api/intake/cases")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeCaseResource {

    @Inject
    IntakeService intake;

    @Inject
    DossierService dossier;

    @Inject
    IntakeConfig config;

    /**
     * The worklist, most urgent first: overdue cases, then by intake deadline. {@code status} (repeatable)
     * defaults to the open statuses; {@code overdue=true|false}; {@code assignedTo=me}: the caller's
     * claims; {@code page} from 0, {@code size} up to {@code consilium.intake.worklist.max-page-size}.
     */
    @GET
    @RolesAllowed({"nurse", "coordinator"})
    public Worklist worklist(@QueryParam("status") List<String> status, @QueryParam("overdue") String overdue,
            @QueryParam("assignedTo") String assignedTo, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<IntakeStatus> statuses = statuses(status, errors);
        Boolean overdueOnly = null;
        if (overdue != null && !overdue.isBlank()) {
            switch (overdue.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> overdueOnly = true;
                case "false" -> overdueOnly = false;
                default -> errors.add(new Problem.FieldError("overdue", "must be true or false"));
            }
        }
        boolean mine = false;
        if (assignedTo != null && !assignedTo.isBlank()) {
            if ("me".equals(assignedTo.strip())) {
                mine = true;
            } else {
                errors.add(new Problem.FieldError("assignedTo", "must be me"));
            }
        }
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = number("size", size, config.worklist().defaultPageSize(), 1, config.worklist().maxPageSize(),
                errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return Worklist.of(intake.worklist(statuses, overdueOnly, mine, pageNumber, pageSize));
    }

    @GET
    @Path("/{referralId}")
    @RolesAllowed({"nurse", "coordinator"})
    public Response get(@PathParam("referralId") UUID referralId) {
        return details(intake.read(referralId), Response.Status.OK);
    }

    /** What a suitable decision still needs (API field names). */
    @GET
    @Path("/{referralId}/decision-readiness")
    @RolesAllowed({"nurse", "coordinator"})
    public Readiness decisionReadiness(@PathParam("referralId") UUID referralId) {
        return Readiness.of(intake.readiness(referralId));
    }

    /**
     * The calling nurse claims the case; {@code takeOver=true} takes over another nurse's stale claim.
     * 409 {@code intake-claimed} when another nurse holds it.
     */
    @POST
    @Path("/{referralId}/claim")
    @RolesAllowed("nurse")
    public Claim claim(@PathParam("referralId") UUID referralId, @QueryParam("takeOver") String takeOver) {
        boolean takingOver = false;
        if (takeOver != null && !takeOver.isBlank()) {
            switch (takeOver.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> takingOver = true;
                case "false" -> takingOver = false;
                default -> throw invalid(List.of(new Problem.FieldError("takeOver", "must be true or false")));
            }
        }
        return Claim.of(intake.claim(referralId, takingOver));
    }

    /** The holder releases the claim: 204 (also when nobody held it). */
    @DELETE
    @Path("/{referralId}/claim")
    @RolesAllowed("nurse")
    public Response release(@PathParam("referralId") UUID referralId) {
        intake.release(referralId);
        return Response.noContent().build();
    }

    /** The claim holder records a call to the patient: 201 with the attempt. */
    @POST
    @Path("/{referralId}/call-attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("nurse")
    public Response recordCall(@PathParam("referralId") UUID referralId, @NotNull @Valid CallAttemptRequest request) {
        var attempt = intake.recordCall(referralId, request.outcome(), request.callBackAt());
        return Response.status(Response.Status.CREATED).entity(CallAttemptResponse.of(attempt)).build();
    }

    /** The claim holder saves the intake record (partially) and the patient's objection. */
    @PUT
    @Path("/{referralId}/intake")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("nurse")
    public Response saveIntake(@PathParam("referralId") UUID referralId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid IntakeRecordRequest request) {
        CaseView view = intake.saveIntake(referralId, request.toUpdate(), request.patientObjectsToGpReport(),
                expectedVersion(ifMatch, request.version()));
        return details(view, Response.Status.OK);
    }

    /**
     * The claim holder decides: suitable publishes IntakeCompleted, not suitable IntakeRejected. 422
     * {@code intake-decision-incomplete} lists the missing fields; 409 the second time.
     */
    @POST
    @Path("/{referralId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("nurse")
    public Response decide(@PathParam("referralId") UUID referralId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid DecisionRequest request) {
        CaseView view = intake.decide(referralId, request.toCommand(), expectedVersion(ifMatch, request.version()));
        return details(view, Response.Status.OK);
    }

    private Response details(CaseView view, Response.Status status) {
        CaseDetails details = CaseDetails.of(view, dossier.dossierOf(view.intakeCase().referralId()));
        return Response.status(status).entity(details).tag(new EntityTag(String.valueOf(details.version()))).build();
    }

    /** The statuses asked for (repeatable, or comma-separated); the open ones when none. */
    private static Set<IntakeStatus> statuses(List<String> values, List<Problem.FieldError> errors) {
        Set<IntakeStatus> statuses = EnumSet.noneOf(IntakeStatus.class);
        if (values != null) {
            for (String value : values) {
                for (String name : value.split(",")) {
                    if (name.isBlank()) {
                        continue;
                    }
                    try {
                        statuses.add(IntakeStatus.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        errors.add(new Problem.FieldError("status", "must be one of " + List.of(IntakeStatus.values())));
                    }
                }
            }
        }
        return statuses.isEmpty() ? IntakeService.openStatuses() : statuses;
    }

    private static int number(String name, String value, int fallback, int min, int max,
            List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problem.FieldError(name, "must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " on" : " to " + max)));
        return fallback;
    }

    /**
     * The version the client saw: {@code If-Match} ({@code "3"}, {@code W/"3"} or {@code 3}; {@code *}
     * means any) before the body's {@code version}; null when neither names one.
     */
    static Long expectedVersion(String ifMatch, Long bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return bodyVersion;
        }
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return null;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(List.of(new Problem.FieldError("If-Match", "must be the case's version, as its ETag gives it")));
    }

    private static IntakeProblem invalid(List<Problem.FieldError> errors) {
        return new IntakeProblem("validation-failed", "The request is not valid", 400,
                "Correct the fields listed in errors", Map.of("errors", List.copyOf(errors)));
    }
}
