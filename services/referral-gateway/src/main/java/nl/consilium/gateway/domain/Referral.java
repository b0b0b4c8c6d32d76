package nl.consilium.gateway.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.common.Referrer;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.gateway.domain.document.AppointmentRequestDocument;
import nl.consilium.gateway.domain.document.CancellationDocument;
import nl.consilium.gateway.domain.document.QuestionnaireAnswers;
import nl.consilium.gateway.domain.document.ZorgDomeinDocument;
import nl.consilium.gateway.domain.transmural.TransmuralAssessment;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A referral as the gateway knows it: the ZorgDomein documents sharing one ZD number, joined. It
 * exists from the first document on ({@link ReferralStatus#AWAITING_APPOINTMENT_REQUEST}); the
 * appointment request makes it {@link ReferralStatus#RECEIVED}, a cancellation
 * {@link ReferralStatus#CANCELLED}. The patient is known by the internal patient id (no BSN here).
 * State changes only through the named methods; {@code toString} shows no patient data.
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralStatus status;

    @Column(name = "first_document_at", nullable = false)
    private Instant firstDocumentAt;

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

    /** When the appointment request arrived (the deadlines count from it); null before. */
    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "requested_product")
    private String requestedProduct;

    @Column(name = "treating_specialty")
    private String treatingSpecialty;

    @Column(name = "treating_hospital")
    private String treatingHospital;

    @Column(name = "treating_specialist")
    private String treatingSpecialist;

    @Column(name = "letter_received_at")
    private Instant letterReceivedAt;

    @Column(name = "questionnaire_received_at")
    private Instant questionnaireReceivedAt;

    @Column(name = "under_treatment")
    private Boolean underTreatment;

    @Column(name = "satisfied")
    private Boolean satisfied;

    @Column(name = "will_return")
    private Boolean willReturn;

    @Column(name = "agrees_to_consultation")
    private Boolean agreesToConsultation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "questionnaire_reasons", columnDefinition = "text[]")
    private String[] questionnaireReasons;

    @Column(name = "questionnaire_explanation")
    private String questionnaireExplanation;

    @Column(name = "transmural_situation")
    private String transmuralSituation;

    @Column(name = "transmural_expected_author")
    private String transmuralExpectedAuthor;

    @Column(name = "transmural_new_referral")
    private Boolean transmuralNewReferral;

    @Column(name = "transmural_copy_required")
    private Boolean transmuralCopyRequired;

    @Column(name = "transmural_conformity")
    private String transmuralConformity;

    @Column(name = "transmural_reason")
    private String transmuralReason;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancellation_reason_code")
    private String cancellationReasonCode;

    @Column(name = "cancellation_reason_text")
    private String cancellationReasonText;

    protected Referral() {
    }

    /**
     * The referral with {@code document}'s ZD number, locked for this transaction (select ... for
     * update); opened with {@code document}'s patient and referrer when it is the first document of
     * that number. Concurrent documents of one referral therefore take their turns, and concurrent
     * first documents make one referral: the insert waits for a concurrent one and then does nothing.
     */
    public static Locked openOrLock(ZorgDomeinDocument document, UUID patientId, Instant now) {
        var patient = document.patient();
        var referrer = document.referrer();
        int inserted = Panache.getEntityManager().createNativeQuery("""
                        insert into referral (id, version, zorgdomein_number, status, first_document_at, patient_id,
                            patient_name, patient_birth_date, patient_gender, patient_phone, patient_email,
                            referrer_agb, referrer_name, referrer_organisation)
                        values (?1, 0, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                        on conflict (zorgdomein_number) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, document.zorgDomeinNumber())
                .setParameter(3, ReferralStatus.AWAITING_APPOINTMENT_REQUEST.name())
                .setParameter(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(5, patientId)
                .setParameter(6, patient.name())
                .setParameter(7, patient.birthDate())
                .setParameter(8, patient.gender())
                .setParameter(9, patient.phone())
                .setParameter(10, patient.email())
                .setParameter(11, referrer.agb())
                .setParameter(12, referrer.name())
                .setParameter(13, referrer.organisationName())
                .executeUpdate();
        Referral referral = Referral.<Referral>find("zorgDomeinNumber", document.zorgDomeinNumber())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        return new Locked(referral, inserted == 1);
    }

    /** The referral of a document, locked; {@code opened} when the document opened it. */
    public record Locked(Referral referral, boolean opened) {
    }

    public static Optional<Referral> findByZorgDomeinNumber(String zorgDomeinNumber) {
        return find("zorgDomeinNumber", zorgDomeinNumber).firstResultOptional();
    }

    /**
     * The appointment request arrived: the referral takes its patient, referrer, product and treating
     * party. Announced ({@code true}) unless the referral was cancelled before.
     *
     * @throws DocumentRejected 409 when the referral has an appointment request already
     */
    public boolean appointmentRequested(AppointmentRequestDocument document, Instant now) {
        if (receivedAt != null) {
            throw DocumentRejected.conflict("duplicate", "Composition.identifier", "A referral with this ZD number "
                    + "has an appointment-request document already; a second one is not accepted");
        }
        var patient = document.patient();
        patientName = patient.name();
        patientBirthDate = patient.birthDate();
        patientGender = patient.gender();
        patientPhone = patient.phone();
        patientEmail = patient.email();
        var referrer = document.referrer();
        referrerAgb = referrer.agb();
        referrerName = referrer.name();
        referrerOrganisation = referrer.organisationName();
        receivedAt = now;
        requestedProduct = document.requestedProduct().code();
        treatingSpecialty = document.treating().specialty().code();
        treatingHospital = document.treating().hospital();
        treatingSpecialist = document.treating().specialist();
        if (status == ReferralStatus.CANCELLED) {
            return false;
        }
        status = ReferralStatus.RECEIVED;
        return true;
    }

    /** A referral letter arrived (the first one sets the date). */
    public void letterReceived(Instant now) {
        if (letterReceivedAt == null) {
            letterReceivedAt = now;
        }
    }

    /** The questionnaire arrived; a later questionnaire replaces the answers of an earlier one. */
    public void questionnaireAnswered(QuestionnaireAnswers answers, TransmuralAssessment assessment, Instant now) {
        questionnaireReceivedAt = now;
        underTreatment = answers.underTreatment();
        satisfied = answers.satisfied();
        willReturn = answers.willReturn();
        agreesToConsultation = answers.agreesToConsultation();
        questionnaireReasons = answers.reasons().toArray(String[]::new);
        questionnaireExplanation = answers.explanation();
        transmuralSituation = assessment.row().label();
        transmuralExpectedAuthor = assessment.expectedAuthor().map(Enum::name).orElse(null);
        transmuralNewReferral = assessment.newReferral();
        transmuralCopyRequired = assessment.copyToFirstSpecialistRequired();
        transmuralConformity = assessment.conformity().name();
        transmuralReason = assessment.reason();
    }

    /**
     * The referrer cancelled the referral. Returns whether this is news: false when it was cancelled
     * before (the first cancellation's reason stays).
     */
    public boolean cancel(CancellationDocument.Reason reason, Instant now) {
        if (status == ReferralStatus.CANCELLED) {
            return false;
        }
        status = ReferralStatus.CANCELLED;
        cancelledAt = now;
        cancellationReasonCode = reason == null ? null : reason.code();
        cancellationReasonText = reason == null ? null : reason.text();
        return true;
    }

    /** Whether the other services know this referral: its appointment request arrived. */
    public boolean announced() {
        return receivedAt != null;
    }

    /** The announcement of this referral to the other services. */
    public ReferralReceived toEvent() {
        return new ReferralReceived(id, zorgDomeinNumber, receivedAt, patientId, patient(), referrer(),
                requestedProduct, treatingSpecialty, treatingHospital, treatingSpecialist);
    }

    public PatientDetails patient() {
        return new PatientDetails(patientName, patientBirthDate, patientGender, patientPhone, patientEmail);
    }

    public Referrer referrer() {
        return new Referrer(referrerAgb, referrerName, referrerOrganisation);
    }

    /** The questionnaire answers, when a questionnaire arrived. */
    public Optional<Questionnaire> questionnaire() {
        if (questionnaireReceivedAt == null) {
            return Optional.empty();
        }
        return Optional.of(new Questionnaire(questionnaireReceivedAt, underTreatment, satisfied, willReturn,
                agreesToConsultation, List.of(questionnaireReasons), questionnaireExplanation,
                new Questionnaire.Assessment(transmuralSituation, transmuralExpectedAuthor,
                        Boolean.TRUE.equals(transmuralNewReferral), Boolean.TRUE.equals(transmuralCopyRequired),
                        transmuralConformity, transmuralReason)));
    }

    /** The stored questionnaire and its transmural-agreement assessment. Medical content: do not log. */
    public record Questionnaire(Instant receivedAt, Boolean underTreatment, Boolean satisfied, Boolean willReturn,
            Boolean agreesToConsultation, List<String> reasons, String explanation, Assessment assessment) {

        /** The assessment as stored: the table row's label, the expected author, the flags, the reason. */
        public record Assessment(String situation, String expectedLetterAuthor, boolean newReferral,
                boolean copyToFirstSpecialistRequired, String conformity, String reason) {
            /** Anything but a referral that conforms goes to the intake nurse's attention. */
            public boolean flaggedForIntake() {
                return !"CONFORMS".equals(conformity);
            }
        }

        @Override
        public String toString() {
            return "Questionnaire[answers not shown]";
        }
    }

    /** The cancellation, when the referral was cancelled. */
    public Optional<Cancellation> cancellation() {
        return cancelledAt == null ? Optional.empty()
                : Optional.of(new Cancellation(cancelledAt, cancellationReasonCode, cancellationReasonText));
    }

    /** When and why the referral was cancelled; code or text may be null. */
    public record Cancellation(Instant cancelledAt, String reasonCode, String reasonText) {
    }

    public UUID id() { return id; }
    public long version() { return version; }
    public String zorgDomeinNumber() { return zorgDomeinNumber; }
    public ReferralStatus status() { return status; }
    public Instant firstDocumentAt() { return firstDocumentAt; }
    public UUID patientId() { return patientId; }
    public String requestedProduct() { return requestedProduct; }
    public String treatingSpecialty() { return treatingSpecialty; }
    public String treatingHospital() { return treatingHospital; }
    public String treatingSpecialist() { return treatingSpecialist; }
    public Instant receivedAt() { return receivedAt; }
    public Instant letterReceivedAt() { return letterReceivedAt; }

    @Override
    public String toString() {
        return "Referral[" + id + ", " + zorgDomeinNumber + ", " + status + "]";
    }
}
