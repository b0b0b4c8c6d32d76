package nl.consilium.gateway.service;

import java.util.List;
import nl.consilium.gateway.domain.ReceivedAttachment;
import nl.consilium.gateway.domain.ReceivedDocument;
import nl.consilium.gateway.domain.Referral;

/** A referral with its documents (in arrival order) and their attachments (without loading the bytes). */
public record ReferralView(Referral referral, List<ReceivedDocument> documents, List<ReceivedAttachment> attachments) {
}
