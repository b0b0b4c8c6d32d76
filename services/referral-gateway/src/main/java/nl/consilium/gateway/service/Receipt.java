package nl.consilium.gateway.service;

import java.util.UUID;

/**
 * The answer to a delivered document: the referral it belongs to, and whether this delivery created
 * it ({@code false} for a re-delivery of a document received before).
 */
public record Receipt(UUID referralId, boolean created) {
}
