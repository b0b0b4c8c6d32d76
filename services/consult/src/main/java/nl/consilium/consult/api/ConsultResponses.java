package nl.consilium.consult.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.consilium.consult.domain.Consult;
import nl.consilium.consult.domain.ConsultStatus;
import nl.consilium.consult.domain.DossierSource;
import nl.consilium.consult.domain.Report;
import nl.consilium.consult.domain.ReportAddendum;
import nl.consilium.consult.domain.ReportStatus;
import nl.consilium.consult.service.ConsultView;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.intake.IntakeReason;

/** What the consult API answers. */
public final class ConsultResponses {

    private ConsultResponses() {
    }

    /** A line of the specialist's list of consults. */
    public record ConsultSummary(UUID referralId, UUID consultId, ConsultStatus status, Instant startsAt,
            Instant endsAt, String patientName) {
        static ConsultSummary of(Consult c) {
            return new ConsultSummary(c.referralId(), c.consultId(), c.status(), c.startsAt(), c.endsAt(),
                    c.patientName());
        }
    }

    public record Patient(UUID patientId, String name, LocalDate birthDate, String phone, String email) {
    }

    /**
     * The patient's situation as the intake nurse recorded it: the specialty asked for, the treating
     * party, the language the patient prefers, and whether (since when) the patient objects to the GP
     * receiving the report.
     */
    public record Situation(String requestedSpecialty, String treatingHospital, String treatingSpecialist,
            String preferredLanguage, boolean patientObjectsToGpReport, Instant objectionRecordedAt) {
    }

    public record Appointment(UUID consultId, String specialistAgb, String specialistName, String specialty,
            Instant startsAt, Instant endsAt) {
    }

    /**
     * The consult's open video room. {@code joinUrl} is the assigned specialist's own link (as moderator);
     * the coordinator sees that there is a room, not the link. {@code linkExpiresAt}: when signed links
     * stop working (null: they do not expire).
     */
    public record VideoRoom(String provider, Instant issuedAt, URI joinUrl, Instant linkExpiresAt) {
    }

    /** When each step of the consult happened; {@code noShows} counts the referral's no-shows so far. */
    public record Lifecycle(Instant invitedAt, Instant dossierReadAt, Instant startedAt, Instant completedAt,
            Instant noShowAt, int noShows) {
    }

    /**
     * One document of the dossier, and where to download it: the service that holds it ({@code source}:
     * {@code INTAKE}, the dossier the intake nurse collected) serves the bytes, checks the caller and
     * audits the download; consult only knows what the events told it. {@code size} in bytes,
     * {@code sha256} lower-case hex (intake's download answers it as its {@code ETag}).
     */
    public record DossierDocument(UUID documentId, String title, String contentType, long size, String sha256,
            DossierSource source, URI downloadUrl, Instant addedAt) {
        static DossierDocument of(ConsultView.Document d) {
            return new DossierDocument(d.documentId(), d.title(), d.contentType(), d.size(), d.sha256(), d.source(),
                    d.downloadUrl(), d.addedAt());
        }
    }

    /** A signed addendum to the final report. */
    public record Addendum(int sequence, String text, String signedBy, Instant signedAt) {
        static Addendum of(ReportAddendum a) {
            return new Addendum(a.sequence(), a.text(), a.signedByName(), a.signedAt());
        }
    }

    /**
     * The report: {@code DRAFT} while the specialist writes it, {@code FINAL} once signed ({@code signedBy}
     * the signer's name, {@code signedAt}); then its addenda.
     */
    public record ReportBody(ReportStatus status, String question, String findings, Conclusion conclusion,
            String recommendations, String freeText, Instant updatedAt, String signedBy, Instant signedAt,
            boolean finalised, List<Addendum> addenda) {
        static ReportBody of(Report r, List<ReportAddendum> addenda) {
            return new ReportBody(r.status(), r.question(), r.findings(), r.conclusion(), r.recommendations(),
                    r.freeText(), r.updatedAt(), r.signedByName(), r.signedAt(), r.isFinal(),
                    addenda.stream().map(Addendum::of).toList());
        }
    }

    /** The cancellation: when, by whom ({@code REFERRER}, {@code PATIENT}, ...) and ZorgDomein's reason code. */
    public record Cancellation(Instant cancelledAt, String cancelledBy, String reasonCode) {
    }

    /**
     * One consult in full: the intake summary (question, reasons, situation), the patient, the
     * appointment and its room, the steps so far, the dossier, the report; {@code cancellation} once
     * cancelled.
     */
    public record ConsultDetails(UUID referralId, UUID consultId, ConsultStatus status, long version,
            String clarifiedQuestion, List<IntakeReason> reasons, Situation situation, Patient patient,
            String referrerAgb, boolean patientObjectsToGpReport, Appointment appointment, VideoRoom videoRoom,
            Lifecycle lifecycle, List<DossierDocument> dossier, ReportBody report, Cancellation cancellation) {

        static ConsultDetails of(ConsultView view) {
            Consult c = view.consult();
            var p = c.patient();
            Patient patient = new Patient(c.patientId(), p.name(), p.birthDate(), p.phone(), p.email());
            Situation situation = new Situation(c.requestedSpecialty(), c.treatingHospital(), c.treatingSpecialist(),
                    c.preferredLanguage(), c.patientObjectsToGpReport(), c.objectionRecordedAt());
            Appointment appointment = c.bookingKnown() ? new Appointment(c.consultId(), c.specialistAgb(),
                    c.specialistName(), c.specialistSpecialty(), c.startsAt(), c.endsAt()) : null;
            VideoRoom room = view.room() == null ? null : new VideoRoom(view.room().provider(),
                    view.room().issuedAt(), view.room().joinUrl(), view.room().linkExpiresAt());
            Lifecycle lifecycle = new Lifecycle(c.invitedAt(), c.dossierReadAt(), c.startedAt(), c.completedAt(),
                    c.noShowAt(), c.noShowCount());
            ReportBody report = view.report() == null ? null : ReportBody.of(view.report(), view.addenda());
            Cancellation cancellation = c.cancelledAt() == null ? null
                    : new Cancellation(c.cancelledAt(), c.cancelledBy(), c.cancellationReasonCode());
            // The dossier's documents belong to intake; consult lists what its events described
            List<DossierDocument> dossier = view.dossier().stream().map(DossierDocument::of).toList();
            return new ConsultDetails(c.referralId(), c.consultId(), c.status(), c.version(), c.clarifiedQuestion(),
                    c.reasons(), situation, patient, c.referrerAgb(), c.patientObjectsToGpReport(), appointment, room,
                    lifecycle, dossier, report, cancellation);
        }
    }
}
