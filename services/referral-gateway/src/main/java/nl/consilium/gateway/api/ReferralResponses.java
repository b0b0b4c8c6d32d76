package nl.consilium.gateway.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.consilium.gateway.domain.Referral;

/** What the referral API answers: never the BSN. */
public final class ReferralResponses {

    private ReferralResponses() {
    }

    public record Patient(UUID patientId, String name, LocalDate birthDate, String gender, String phone, String email) {
    }

    public record Referrer(String agb, String name, String organisation) {
    }

    /** A referral as received. */
    public record ReferralDetails(UUID referralId, String zorgDomeinNumber, Instant receivedAt, Patient patient,
            Referrer referrer, String requestedProduct, String treatingSpecialty, String treatingHospital) {
        static ReferralDetails of(Referral r) {
            var p = r.patient();
            var referrer = r.referrer();
            return new ReferralDetails(r.id(), r.zorgDomeinNumber(), r.receivedAt(),
                    new Patient(r.patientId(), p.name(), p.birthDate(), p.gender(), p.phone(), p.email()),
                    new Referrer(referrer.agb(), referrer.name(), referrer.organisation()), r.requestedProduct(),
                    r.treatingSpecialty(), r.treatingHospital());
        }
    }
}
