package nl.consilium.reporting.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.reporting.domain.ReferralOverview;

/**
 * What the report says in every form (JSON, the letter, FHIR): the referral, the GP it goes to, the
 * patient (the GP's own: name and birth date from the referral, never the BSN, which reporting does
 * not have), the report with its addenda, and who signed it when. Medical content and patient data:
 * never logged.
 */
public record ReportContent(UUID referralId, String zorgDomeinNumber, UUID patientId, String patientName,
        LocalDate patientBirthDate, String referrerName, String referrerOrganisation, String referrerAgb,
        String question, String findings, Conclusion conclusion, String recommendations, String freeText,
        String specialistName, String specialistAgb, String signedBy, String signedByName, Instant signedAt,
        Instant completedAt, List<Addendum> addenda) {

    /** A signed addendum to the report. */
    public record Addendum(int sequence, String text, String signedBy, String signedByName, Instant signedAt) {
    }

    static ReportContent of(ReferralOverview r) {
        return new ReportContent(r.referralId(), r.zorgDomeinNumber(), r.patientId(), r.patientName(),
                r.patientBirthDate(), r.referrerName(), r.referrerOrganisation(), r.referrerAgb(), r.reportQuestion(),
                r.reportFindings(), r.reportConclusion(), r.reportRecommendations(), r.reportFreeText(),
                r.reportSignedByName() != null ? r.reportSignedByName() : r.specialistName(),
                r.reportSpecialistAgb() != null ? r.reportSpecialistAgb() : r.specialistAgb(), r.reportSignedBy(),
                r.reportSignedByName(), r.reportSignedAt(), r.completedAt(),
                r.reportAddenda().stream().map(a -> new Addendum(a.sequence(), a.text(), a.signedBy(),
                        a.signedByName(), a.signedAt())).toList());
    }

    /** When the report was signed; when the signature has no time, when it became final. */
    public Instant signedOrCompletedAt() {
        return signedAt != null ? signedAt : completedAt;
    }

    /** The conclusion as the letter puts it to a Dutch GP. */
    public String conclusionText() {
        if (conclusion == null) {
            return "";
        }
        return switch (conclusion) {
            case CONFIRMS_POLICY -> "Bevestigt het beleid van de behandelend arts";
            case DIFFERENT_INSIGHT -> "Andere medische inzichten dan de behandelend arts";
            case FURTHER_INVESTIGATION_ADVISED -> "Nader onderzoek geadviseerd";
        };
    }

    /** The file name of the letter: the ZorgDomein number, no patient data. */
    public String fileName() {
        return "second-opinion-" + (zorgDomeinNumber != null ? zorgDomeinNumber : referralId) + ".pdf";
    }
}
