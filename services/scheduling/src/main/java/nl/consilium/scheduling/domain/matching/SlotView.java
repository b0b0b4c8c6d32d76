package nl.consilium.scheduling.domain.matching;

/** A slot of a specialist's availability and whether it is booked. */
public record SlotView(Slot slot, boolean booked) {
}
