package nl.consilium.gateway.domain.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ZorgDomein document types, by {@code Composition.type} in the code system {@link #SYSTEM}.
 * All documents of one referral share its ZD number and may arrive in any order.
 */
public enum DocumentType {
    /** Logistics only: patient, referrer, organisation, requested product; normally first. */
    APPOINTMENT_REQUEST("appointment-request"),
    /** The referral letter, usually a PDF attachment. */
    REFERRAL_LETTER("referral-letter"),
    /** The answers to the product's questionnaire (the situation of the transmural agreement). */
    QUESTIONNAIRE("questionnaire"),
    /** Extra attachments. */
    SUPPLEMENT("supplement"),
    /** The referral is withdrawn, with a reason. */
    CANCELLATION("cancellation");

    public static final String SYSTEM = "http://zorgdomein.nl/terminology/code-system/document-type";

    private final String code;

    DocumentType(String code) {
        this.code = code;
    }

    /** The code in {@link #SYSTEM}. */
    public String code() {
        return code;
    }

    public static Optional<DocumentType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
