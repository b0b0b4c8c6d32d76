package nl.consilium.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import nl.consilium.events.referral.TransmuralAgreementAssessment;

/**
 * The gateway's reading of the questionnaire against the transmural agreement (who should write the
 * referral letter, DOMAIN.md §2); {@link #flaggedForIntake()} asks the nurse to look at it.
 */
@Embeddable
public class TransmuralAssessment {

    @Column(name = "transmural_situation")
    private String situation;

    @Column(name = "transmural_expected_author")
    private String expectedLetterAuthor;

    @Column(name = "transmural_new_referral")
    private Boolean newReferral;

    @Column(name = "transmural_copy_to_first_required")
    private Boolean copyToFirstSpecialistRequired;

    @Column(name = "transmural_conformity")
    private String conformity;

    @Column(name = "transmural_flagged")
    private Boolean flaggedForIntake;

    @Column(name = "transmural_reason", columnDefinition = "text")
    private String reason;

    protected TransmuralAssessment() {
    }

    static TransmuralAssessment of(TransmuralAgreementAssessment assessment) {
        TransmuralAssessment a = new TransmuralAssessment();
        a.situation = assessment.situation();
        a.expectedLetterAuthor = assessment.expectedLetterAuthor();
        a.newReferral = assessment.newReferral();
        a.copyToFirstSpecialistRequired = assessment.copyToFirstSpecialistRequired();
        a.conformity = assessment.conformity();
        a.flaggedForIntake = assessment.flaggedForIntake();
        a.reason = assessment.reason();
        return a;
    }

    public String situation() { return situation; }
    public String expectedLetterAuthor() { return expectedLetterAuthor; }
    public boolean newReferral() { return Boolean.TRUE.equals(newReferral); }
    public boolean copyToFirstSpecialistRequired() { return Boolean.TRUE.equals(copyToFirstSpecialistRequired); }
    public String conformity() { return conformity; }
    public boolean flaggedForIntake() { return Boolean.TRUE.equals(flaggedForIntake); }
    public String reason() { return reason; }
}
