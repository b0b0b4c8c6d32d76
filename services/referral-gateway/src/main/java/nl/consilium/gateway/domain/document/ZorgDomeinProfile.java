package nl.consilium.gateway.domain.document;

/**
 * Where the gateway finds things in a ZorgDomein document Bundle: identifier systems, extensions
 * and the questionnaire's linkIds. The {@code consilium.nl} URLs are this platform's own (agreed in
 * the ZorgDomein product configuration); the others are the Dutch national and ZorgDomein systems.
 *
 * <h2>Questionnaire (document type {@code questionnaire})</h2>
 * A QuestionnaireResponse (a section entry of the Composition, or else any entry) with these items,
 * possibly nested in groups:
 * <table>
 * <tr><th>linkId</th><th>answer</th><th>question</th></tr>
 * <tr><td>{@value #LINK_UNDER_TREATMENT}</td><td>valueBoolean</td><td>Is the patient under treatment of a specialist for these complaints?</td></tr>
 * <tr><td>{@value #LINK_SATISFIED}</td><td>valueBoolean</td><td>Is the patient satisfied with the treatment or the diagnosis?</td></tr>
 * <tr><td>{@value #LINK_WILL_RETURN}</td><td>valueBoolean</td><td>Will the patient return to (stay in treatment with) that specialist?</td></tr>
 * <tr><td>{@value #LINK_AGREES_TO_CONSULTATION}</td><td>valueBoolean</td><td>Does the patient agree that the GP consults the treating specialist first?</td></tr>
 * <tr><td>{@value #LINK_REASON}</td><td>valueCoding ({@value #REASON_SYSTEM}), one answer per reason</td><td>Why a second opinion?</td></tr>
 * <tr><td>{@value #LINK_REASON_EXPLANATION}</td><td>valueString</td><td>Explanation</td></tr>
 * </table>
 * Reason codes (DOMAIN.md §1): {@code surgery-decision}, {@code treatment-choice},
 * {@code diagnosis-doubt}, {@code unexplained-complaints}, {@code treatment-policy-explanation}.
 *
 * <h2>Attachments (referral-letter, supplement)</h2>
 * Every DocumentReference entry's {@code content.attachment} (inline {@code data}, or a {@code url}
 * naming a Binary entry of the Bundle), and every Binary entry no DocumentReference names.
 *
 * <h2>Cancellation</h2>
 * A ReferralRequest with status {@code cancelled} (a section entry, or else any entry) carrying the
 * {@value #CANCELLATION_REASON_EXTENSION} extension: valueCodeableConcept (code in
 * {@value #CANCELLATION_REASON_SYSTEM} and/or text) or valueString.
 */
public final class ZorgDomeinProfile {

    public static final String ZD_NUMBER_SYSTEM = "http://zorgdomein.nl/identifier/referral";
    public static final String BSN_SYSTEM = "http://fhir.nl/fhir/NamingSystem/bsn";
    public static final String AGB_SYSTEM = "http://fhir.nl/fhir/NamingSystem/agb-z";
    public static final String TREATING_HOSPITAL_EXTENSION =
            "https://consilium.nl/fhir/StructureDefinition/treating-hospital";
    public static final String TREATING_SPECIALIST_EXTENSION =
            "https://consilium.nl/fhir/StructureDefinition/treating-specialist";
    public static final String CANCELLATION_REASON_EXTENSION =
            "https://consilium.nl/fhir/StructureDefinition/cancellation-reason";
    public static final String CANCELLATION_REASON_SYSTEM = "https://consilium.nl/fhir/CodeSystem/cancellation-reason";
    public static final String REASON_SYSTEM = "https://consilium.nl/fhir/CodeSystem/second-opinion-reason";

    public static final String LINK_UNDER_TREATMENT = "under-treatment";
    public static final String LINK_SATISFIED = "satisfied";
    public static final String LINK_WILL_RETURN = "will-return";
    public static final String LINK_AGREES_TO_CONSULTATION = "agrees-to-consultation";
    public static final String LINK_REASON = "reason";
    public static final String LINK_REASON_EXPLANATION = "reason-explanation";

    private ZorgDomeinProfile() {
    }
}
