package nl.consilium.gateway.service;

import java.util.UUID;
import nl.consilium.gateway.domain.document.DocumentType;

/**
 * The answer to a delivered document: the referral it joined, what kind of document it was, and
 * whether this delivery stored it ({@code false} for a re-delivery of a document received before).
 */
public record Receipt(UUID referralId, DocumentType documentType, boolean created) {
}
