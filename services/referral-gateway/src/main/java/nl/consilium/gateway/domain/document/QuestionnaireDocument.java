package nl.consilium.gateway.domain.document;

/** {@code questionnaire}: the referrer's answers to the product's questionnaire. */
public record QuestionnaireDocument(DocumentHeader header, ReferredPatient patient, Referrer referrer,
        QuestionnaireAnswers answers) implements ZorgDomeinDocument {

    @Override
    public String toString() {
        return "QuestionnaireDocument[" + header + "]";
    }
}
