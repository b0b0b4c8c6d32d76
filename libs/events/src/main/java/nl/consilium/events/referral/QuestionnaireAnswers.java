package nl.consilium.events.referral;

import java.util.List;

/**
 * The referrer's answers to the product's questionnaire (DOMAIN.md §3) and the gateway's reading of
 * them. An unanswered question is null.
 *
 * @param underTreatment is the patient under treatment of a specialist?
 * @param satisfied is the patient satisfied with the treatment or diagnosis?
 * @param willReturn will the patient return to the treating specialist?
 * @param agreesToConsultation does the patient agree that the GP consults the treating specialist first?
 * @param reasons the reason codes for the second opinion as ZorgDomein's questionnaire gives them
 * @param explanation the referrer's free text; may be null
 * @param transmuralAgreement the assessment of the transmural agreement from these answers
 */
public record QuestionnaireAnswers(Boolean underTreatment, Boolean satisfied, Boolean willReturn,
        Boolean agreesToConsultation, List<String> reasons, String explanation,
        TransmuralAgreementAssessment transmuralAgreement) {
}
