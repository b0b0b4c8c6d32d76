package nl.consilium.events.intake;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * When the patient can take a video call: every {@code day} from {@code from} to {@code to}, wall-clock
 * time in Europe/Amsterdam.
 */
public record AvailabilityWindow(DayOfWeek day, LocalTime from, LocalTime to) {
}
