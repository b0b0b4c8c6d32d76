package nl.consilium.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.common.Referrer;
import nl.consilium.events.referral.ReferralReceived;

/**
 * A referral accepted from ZorgDomein: what the appointment-request document said, with the patient
 * known by the internal patient id (no BSN). Created only through {@link #receive}.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(name = "zorgdomein_number", nullable = false, unique = true)
    private String zorgDomeinNumber;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "patient_name", nullable = false)
    private String patientName;

    @Column(name = "patient_birth_date")
    private LocalDate patientBirthDate;

    @Column(name = "patient_gender")
    private String patientGender;

    @Column(name = "patient_phone")
    private String patientPhone;

    @Column(name = "patient_email")
    private String patientEmail;

    @Column(name = "referrer_agb", nullable = false)
    private String referrerAgb;

    @Column(name = "referrer_name")
    private String referrerName;

    @Column(name = "referrer_organisation")
    private String referrerOrganisation;

    @Column(name = "requested_product", nullable = false)
    private String requestedProduct;

    @Column(name = "treating_specialty", nullable = false)
    private String treatingSpecialty;

    @Column(name = "treating_hospital")
    private String treatingHospital;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected Referral() {
    }

    /** The referral of an accepted appointment-request document. */
    public static Referral receive(UUID referralId, AppointmentRequest document, UUID patientId, Instant receivedAt) {
        Referral r = new Referral();
        r.id = referralId;
        r.zorgDomeinNumber = document.zorgDomeinNumber();
        r.patientId = patientId;
        var patient = document.patient();
        r.patientName = patient.name();
        r.patientBirthDate = patient.birthDate();
        r.patientGender = patient.gender();
        r.patientPhone = patient.phone();
        r.patientEmail = patient.email();
        r.referrerAgb = document.referrer().agb();
        r.referrerName = document.referrer().name();
        r.referrerOrganisation = document.referrer().organisation();
        r.requestedProduct = document.requestedProduct();
        r.treatingSpecialty = document.treatingSpecialty();
        r.treatingHospital = document.treatingHospital();
        r.receivedAt = receivedAt;
        return r;
    }

    public static boolean existsForZorgDomeinNumber(String zorgDomeinNumber) {
        return count("zorgDomeinNumber", zorgDomeinNumber) > 0;
    }

    /** The announcement of this referral to the other services. */
    public ReferralReceived toEvent() {
        return new ReferralReceived(id, zorgDomeinNumber, receivedAt, patientId, patient(), referrer(),
                requestedProduct, treatingSpecialty, treatingHospital, null);
    }

    public PatientDetails patient() {
        return new PatientDetails(patientName, patientBirthDate, patientGender, patientPhone, patientEmail);
    }

    public Referrer referrer() {
        return new Referrer(referrerAgb, referrerName, referrerOrganisation);
    }

    public UUID id() { return id; }
    public long version() { return version; }
    public String zorgDomeinNumber() { return zorgDomeinNumber; }
    public UUID patientId() { return patientId; }
    public String requestedProduct() { return requestedProduct; }
    public String treatingSpecialty() { return treatingSpecialty; }
    public String treatingHospital() { return treatingHospital; }
    public Instant receivedAt() { return receivedAt; }

    @Override
    public String toString() {
        return "Referral[" + id + ", " + zorgDomeinNumber + "]";
    }
}
