package nl.consilium.gateway.domain.document;

/** A code from a CodeableConcept: the code (letters, digits, '-', '_', '.') and its display text, if any. */
public record Coded(String code, String display) {
}
