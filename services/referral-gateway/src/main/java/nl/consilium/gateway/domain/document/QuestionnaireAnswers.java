package nl.consilium.gateway.domain.document;

import java.util.List;

/**
 * The situation of the transmural agreement (DOMAIN.md §2) and the reasons for a second opinion
 * (§1), from the QuestionnaireResponse items with the linkIds of {@link ZorgDomeinProfile}. A
 * question that was not answered (or not asked, because an earlier answer made it moot) is null.
 *
 * @param underTreatment {@code under-treatment}: is the patient under treatment of a specialist?
 * @param satisfied {@code satisfied}: is the patient satisfied with the treatment or diagnosis?
 * @param willReturn {@code will-return}: will the patient return to (stay with) the treating specialist?
 * @param agreesToConsultation {@code agrees-to-consultation}: does the patient agree that the GP
 *        consults the treating specialist first?
 * @param reasons {@code reason}: the reason codes ({@link ZorgDomeinProfile#REASON_SYSTEM}), in order
 * @param explanation {@code reason-explanation}: free text; may be null
 */
public record QuestionnaireAnswers(Boolean underTreatment, Boolean satisfied, Boolean willReturn,
        Boolean agreesToConsultation, List<String> reasons, String explanation) {

    public QuestionnaireAnswers {
        reasons = List.copyOf(reasons);
    }

    @Override
    public String toString() {
        return "QuestionnaireAnswers[answers not shown]";
    }
}
