package nl.consilium.scheduling.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The medical specialties a specialist in the registry can have: the clinical specialisms of the Vektis
 * code list COD016-VEKT "Zorgverlenersspecificatie (subberoepsgroep)" (the AGB register's
 * specialismecodes, group 03 "medisch specialisten"), version 2026-06-01. The platform's events and
 * tokens use the readable {@link #code()} ({@code cardiology}); the registry also shows the Vektis code.
 * Left out: 0300 (not specified), 0309 (the former "zenuw- en zielsziekten"), 0360 (the former
 * radiology code; 0362 is current) and the laboratory specialisms 0386–0388, which hold no consults.
 */
public enum Specialty {
    OPHTHALMOLOGY("ophthalmology", "0301", "Oogheelkunde"),
    OTORHINOLARYNGOLOGY("otorhinolaryngology", "0302", "Keel-, neus- en oorheelkunde"),
    SURGERY("surgery", "0303", "Heelkunde"),
    PLASTIC_SURGERY("plastic-surgery", "0304", "Plastische chirurgie"),
    ORTHOPAEDICS("orthopaedics", "0305", "Orthopedie"),
    UROLOGY("urology", "0306", "Urologie"),
    OBSTETRICS_GYNAECOLOGY("obstetrics-gynaecology", "0307", "Obstetrie en gynaecologie"),
    NEUROSURGERY("neurosurgery", "0308", "Neurochirurgie"),
    DERMATOLOGY("dermatology", "0310", "Dermatologie en venerologie"),
    INTERNAL_MEDICINE("internal-medicine", "0313", "Interne geneeskunde"),
    PAEDIATRICS("paediatrics", "0316", "Kindergeneeskunde"),
    GASTROENTEROLOGY("gastroenterology", "0318", "Maag-, darm- en leverziekten"),
    CARDIOLOGY("cardiology", "0320", "Cardiologie"),
    PULMONOLOGY("pulmonology", "0322", "Longziekten"),
    RHEUMATOLOGY("rheumatology", "0324", "Reumatologie"),
    ALLERGOLOGY("allergology", "0326", "Allergologie"),
    REHABILITATION_MEDICINE("rehabilitation-medicine", "0327", "Revalidatiegeneeskunde"),
    CARDIOTHORACIC_SURGERY("cardiothoracic-surgery", "0328", "Cardio-thoracale chirurgie"),
    PSYCHIATRY("psychiatry", "0329", "Psychiatrie"),
    NEUROLOGY("neurology", "0330", "Neurologie"),
    GERIATRICS("geriatrics", "0335", "Klinische geriatrie"),
    RADIOTHERAPY("radiotherapy", "0361", "Radiotherapie"),
    RADIOLOGY("radiology", "0362", "Radiologie"),
    NUCLEAR_MEDICINE("nuclear-medicine", "0363", "Nucleaire geneeskunde"),
    ANAESTHESIOLOGY("anaesthesiology", "0389", "Anesthesiologie"),
    CLINICAL_GENETICS("clinical-genetics", "0390", "Klinische genetica");

    private final String code;
    private final String vektisCode;
    private final String dutchName;

    Specialty(String code, String vektisCode, String dutchName) {
        this.code = code;
        this.vektisCode = vektisCode;
        this.dutchName = dutchName;
    }

    /** The specialty with this readable code ({@code cardiology}), if it is one. */
    public static Optional<Specialty> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** The readable code used in events, tokens and the API. */
    public String code() {
        return code;
    }

    /** The code of COD016-VEKT ({@code 0320}). */
    public String vektisCode() {
        return vektisCode;
    }

    public String dutchName() {
        return dutchName;
    }
}
