package nl.consilium.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
 * AGB code), their status and timeline, and the final report unless the patient objected. Every
 * referral and report shown is an audited access to the patient's data.
 */
@ApplicationScoped
public class GpReferralService {

    static final String REFERRAL_RESOURCE = "gp-referral";
    static final String REPORT_RESOURCE = "consult-report";

    @Inject
    ReportingConfig config;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

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
        audit.record(AccessKind.READ, REFERRAL_RESOURCE, referralId, referral.patientId(), referralId);
        return referral;
    }

    /**
     * The final report of one of the caller's referrals.
     *
     * @throws ProblemException 404 {@code not-found} for someone else's referral, 403
     *     {@code report-withheld} when the patient objected to sharing it (audited as denied), 404
     *     {@code report-not-available} while it is not final
     */
    @Transactional
    public ReferralOverview ownReport(UUID referralId) {
        ReferralOverview referral = findOwn(referralId);
        if (referral.patientObjectsToGpReport()) {
            audit.recordRefused(AccessKind.READ, REPORT_RESOURCE, referralId, referral.patientId(), referralId,
                    AuditOutcome.DENIED);
            throw ProblemException.forbidden("report-withheld",
                    "The patient objected to sharing the consult report with the GP");
        }
        if (!referral.hasFinalReport()) {
            throw new ProblemException("report-not-available", "Not found", 404,
                    "The consult report of this referral is not final yet");
        }
        audit.record(AccessKind.READ, REPORT_RESOURCE, referralId, referral.patientId(), referralId);
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
