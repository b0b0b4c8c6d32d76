package nl.consilium.consult.service;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.consilium.consult.domain.Consult;
import nl.consilium.consult.domain.DossierSource;
import nl.consilium.consult.domain.Report;
import nl.consilium.consult.domain.ReportAddendum;

/**
 * A consult as its reader may see it: the consult, its report (null when none was written) with its
 * addenda, the video room, and the dossier's documents. {@code joinUrl} is the assigned specialist's
 * own (moderator) link into the open room; null for the coordinator, and when the consult has no open
 * room.
 */
public record ConsultView(Consult consult, Report report, List<ReportAddendum> addenda, Room room,
        List<Document> dossier) {

    public ConsultView {
        addenda = List.copyOf(addenda);
        dossier = List.copyOf(dossier);
    }

    /**
     * One document of the dossier as its owner described it, and where to download it: the service
     * named by {@code source} serves the bytes (it checks the caller and audits the download).
     */
    public record Document(UUID documentId, String title, String contentType, long size, String sha256,
            DossierSource source, URI downloadUrl, Instant addedAt) {
    }

    /**
     * The consult's open room.
     *
     * @param linkExpiresAt when the join links stop working (signed Jitsi links); null when they do not expire
     */
    public record Room(String provider, Instant issuedAt, URI joinUrl, Instant linkExpiresAt) {
    }
}
