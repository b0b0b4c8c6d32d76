package nl.consilium.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.platform.security.CurrentUser;
import nl.consilium.reporting.config.ReportingConfig;
import nl.consilium.reporting.domain.ReferralOverview;

/**
 * The referring GP's view: own referrals only (the token's {@code agb} claim against the referrer's
 * AGB code), their status and timeline, and the final report unless the patient objected, as JSON,
 * as a PDF letter and as FHIR R4. Every referral and report shown (in any format), and every refused
 * report, is an audited access to the patient's data.
 */
@ApplicationScoped
public class GpReferralService {

    static final String REFERRAL_RESOURCE = "gp-referral";
    static final String REPORT_RESOURCE = "consult-report";
    static final String REPORT_PDF_RESOURCE = "consult-report-pdf";
    static final String REPORT_FHIR_RESOURCE = "consult-report-fhir";

    @Inject
    ReportingConfig config;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    /** The caller's referrals, newest first; a GP without an AGB code has none. */
    @Transactional
    public List<ReferralOverview> ownReferrals() {
        Optional<String> agb = user.agb();
        if (agb.isEmpty()) {
            return List.of();
        }
        List<ReferralOverview> referrals = ReferralOverview.find(
                        "referrerAgb = ?1 order by coalesce(receivedAt, intakeCompletedAt, completedAt) desc, referralId",
                        agb.get())
                .range(0, config.gpListLimit() - 1).list();
        referrals.forEach(r -> audit.record(AccessKind.SEARCH, REFERRAL_RESOURCE, r.referralId(), r.patientId(),
                r.referralId()));
        return referrals;
    }

    /** One of the caller's referrals; someone else's is not found. */
    @Transactional
    public ReferralOverview ownReferral(UUID referralId) {
        ReferralOverview referral = findOwn(referralId);
        referral.timeline(); // reads the steps kept apart while the transaction is open
        audit.record(AccessKind.READ, REFERRAL_RESOURCE, referralId, referral.patientId(), referralId);
        return referral;
    }

    /**
     * The final report of one of the caller's referrals, as the JSON view reads it (audited
     * {@code consult-report.read}).
     *
     * @throws ProblemException 404 {@code not-found} for someone else's referral, 403
     *     {@code report-withheld} when the patient objected to sharing it (audited as denied), 404
     *     {@code report-not-available} while it is not final
     */
    @Transactional
    public ReportContent ownReport(UUID referralId) {
        ReferralOverview referral = readableReport(referralId, REPORT_RESOURCE);
        ReportContent content = ReportContent.of(referral);
        audit.record(AccessKind.READ, REPORT_RESOURCE, referralId, referral.patientId(), referralId);
        return content;
    }

    /**
     * The final report as a PDF letter (audited {@code consult-report-pdf.read}); refused like
     * {@link #ownReport}: a withheld report is never rendered.
     */
    @Transactional
    public ReportDocument ownReportPdf(UUID referralId) {
        ReferralOverview referral = readableReport(referralId, REPORT_PDF_RESOURCE);
        ReportContent content = ReportContent.of(referral);
        byte[] pdf = ReportLetter.render(content);
        audit.record(AccessKind.READ, REPORT_PDF_RESOURCE, referralId, referral.patientId(), referralId);
        return new ReportDocument(content.fileName(), pdf);
    }

    /**
     * The final report as a FHIR R4 Bundle (JSON) with the PDF letter (audited
     * {@code consult-report-fhir.read}); refused like {@link #ownReport}.
     */
    @Transactional
    public String ownReportFhir(UUID referralId) {
        ReferralOverview referral = readableReport(referralId, REPORT_FHIR_RESOURCE);
        ReportContent content = ReportContent.of(referral);
        String bundle = ReportFhir.bundleJson(content, ReportLetter.render(content), clock.instant());
        audit.record(AccessKind.READ, REPORT_FHIR_RESOURCE, referralId, referral.patientId(), referralId);
        return bundle;
    }

    /** The PDF letter and the name to save it under (the ZorgDomein number; no patient data). */
    public record ReportDocument(String fileName, byte[] pdf) {
    }

    /**
     * One of the caller's referrals whose report the GP may read in the format {@code resource}.
     * The objection is checked before anything else about the report, so that nothing of a withheld
     * report (not even whether it is final) is told in any format.
     */
    private ReferralOverview readableReport(UUID referralId, String resource) {
        ReferralOverview referral = findOwn(referralId);
        if (referral.patientObjectsToGpReport()) {
            audit.recordRefused(AccessKind.READ, resource, referralId, referral.patientId(), referralId,
                    AuditOutcome.DENIED);
            throw ProblemException.forbidden("report-withheld",
                    "The report is withheld at the patient's request: the patient objected to sharing it with the GP");
        }
        if (!referral.hasFinalReport()) {
            throw new ProblemException("report-not-available", "Not found", 404,
                    "The consult report of this referral is not final yet");
        }
        return referral;
    }

    private ReferralOverview findOwn(UUID referralId) {
        ReferralOverview referral = ReferralOverview.findById(referralId);
        Optional<String> agb = user.agb();
        if (referral == null || agb.isEmpty() || !referral.isReferredBy(agb.get())) {
            throw ProblemException.notFound("Referral " + referralId);
        }
        return referral;
    }
}
