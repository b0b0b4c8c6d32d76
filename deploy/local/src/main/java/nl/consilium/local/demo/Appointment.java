package nl.consilium.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The booked consult as scheduling answers {@code GET /api/appointments/{referralId}}: the fields
 * {@code specialistAgb}, {@code specialistName} and {@code startsAt} (ISO-8601; an instant or a date-time
 * with offset; a local date-time is read as Europe/Amsterdam).
 */
public record Appointment(String specialistAgb, String specialistName, Instant startsAt) {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DISPLAY =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH).withZone(AMSTERDAM);

    /**
     * Reads the appointment from scheduling's JSON.
     *
     * @throws IllegalArgumentException when a field is missing or {@code startsAt} is not a date-time
     */
    public static Appointment fromJson(JsonNode json) {
        String agb = text(json, "specialistAgb");
        String name = text(json, "specialistName");
        String startsAt = text(json, "startsAt");
        return new Appointment(agb, name, parseInstant(startsAt));
    }

    /** An instant, a date-time with offset, or a local date-time in Europe/Amsterdam. */
    public static Instant parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).atZone(AMSTERDAM).toInstant();
            } catch (DateTimeParseException notLocal) {
                throw new IllegalArgumentException("startsAt is not an ISO-8601 date-time: " + value);
            }
        }
    }

    /** Start in Amsterdam time, e.g. {@code Tue 12 May 2026 09:00}. */
    public String startsAtDisplay() {
        return DISPLAY.format(startsAt);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("the appointment has no " + field + ": " + json.properties().stream()
                    .map(e -> e.getKey()).toList());
        }
        return value.asText();
    }
}
