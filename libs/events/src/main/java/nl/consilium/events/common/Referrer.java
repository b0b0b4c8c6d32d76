package nl.consilium.events.common;

/** The referring GP: AGB code (8 digits), name and practice. */
public record Referrer(String agb, String name, String organisation) {
}
