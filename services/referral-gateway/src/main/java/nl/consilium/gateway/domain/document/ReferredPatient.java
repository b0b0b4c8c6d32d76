package nl.consilium.gateway.domain.document;

import java.time.LocalDate;

/**
 * The patient a document is about ({@code Composition.subject}).
 *
 * @param bsn the BSN ({@link ZorgDomeinProfile#BSN_SYSTEM}); passes the 11-proef
 * @param name {@code name[0].text}, or the given names and the family name
 * @param birthDate null when absent or only partly known (year or month)
 * @param gender male, female, other, unknown or null
 * @param phone the first {@code telecom} with system phone; may be null
 * @param email the first {@code telecom} with system email; may be null
 */
public record ReferredPatient(String bsn, String name, LocalDate birthDate, String gender, String phone,
        String email) {

    @Override
    public String toString() {
        return "ReferredPatient[patient data not shown]";
    }
}
