package nl.consilium.events.common;

import java.time.LocalDate;

/**
 * Who the patient is, as the referral states it. Travels only inside the platform's topics; never
 * logged. The BSN itself is not on the wire: services know a patient by the internal patient id.
 */
public record PatientDetails(
        String name,
        LocalDate birthDate,
        String gender,
        String phone,
        String email) {
}
