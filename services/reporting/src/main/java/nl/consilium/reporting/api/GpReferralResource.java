package nl.consilium.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import nl.consilium.reporting.api.GpReferralResponses.ConsultReportView;
import nl.consilium.reporting.api.GpReferralResponses.ReferralStatusView;
import nl.consilium.reporting.api.GpReferralResponses.ReferralSummary;
import nl.consilium.reporting.service.GpReferralService;
import nl.consilium.reporting.service.GpReferralService.ReportDocument;

/** The referring GP follows own referrals and reads the reports (by the token's {@code agb} claim). */
@Path("/api/gp/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class GpReferralResource {

    /** FHIR's JSON media type. */
    public static final String FHIR_JSON = "application/fhir+json";
    static final String PDF = "application/pdf";

    @Inject
    GpReferralService referrals;

    @GET
    @RolesAllowed("gp")
    public List<ReferralSummary> list() {
        return referrals.ownReferrals().stream().map(ReferralSummary::of).toList();
    }

    @GET
    @Path("/{referralId}")
    @RolesAllowed("gp")
    public ReferralStatusView get(@PathParam("referralId") UUID referralId) {
        return ReferralStatusView.of(referrals.ownReferral(referralId));
    }

    @GET
    @Path("/{referralId}/report")
    @RolesAllowed("gp")
    public ConsultReportView report(@PathParam("referralId") UUID referralId) {
        return ConsultReportView.of(referrals.ownReport(referralId));
    }

    /** The report as a PDF letter, to save or print. */
    @GET
    @Path("/{referralId}/report/pdf")
    @Produces(PDF)
    @RolesAllowed("gp")
    public Response reportPdf(@PathParam("referralId") UUID referralId) {
        ReportDocument letter = referrals.ownReportPdf(referralId);
        return Response.ok(letter.pdf(), PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + letter.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** The report as FHIR R4 for GP-portal integration: a collection Bundle (DocumentReference with the PDF, Patient, Practitioner). */
    @GET
    @Path("/{referralId}/report/fhir")
    @Produces(FHIR_JSON)
    @RolesAllowed("gp")
    public Response reportFhir(@PathParam("referralId") UUID referralId) {
        return Response.ok(referrals.ownReportFhir(referralId), FHIR_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
