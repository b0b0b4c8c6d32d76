package nl.consilium.scheduling.domain.matching;

/** The chosen specialist and slot, with the score that won. */
public record Choice(String specialistAgb, Slot slot, Score score) {
}
