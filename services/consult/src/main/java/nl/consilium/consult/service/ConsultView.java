package nl.consilium.consult.service;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import nl.consilium.consult.domain.Consult;
import nl.consilium.consult.domain.Report;
import nl.consilium.consult.domain.ReportAddendum;

/**
 * A consult as its reader may see it: the consult, its report (null when none was written) with its
 * addenda, and the video room. {@code joinUrl} is the assigned specialist's own (moderator) link
 * into the open room; null for the coordinator, and when the consult has no open room.
 */
public record ConsultView(Consult consult, Report report, List<ReportAddendum> addenda, Room room) {

    /**
     * The consult's open room.
     *
     * @param linkExpiresAt when the join links stop working (signed Jitsi links); null when they do not expire
     */
    public record Room(String provider, Instant issuedAt, URI joinUrl, Instant linkExpiresAt) {
    }
}
