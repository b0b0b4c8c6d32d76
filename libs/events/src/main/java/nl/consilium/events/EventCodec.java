package nl.consilium.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns envelopes into their JSON wire form and back. Unknown data fields are ignored, so that a
 * producer can add fields before its consumers know them; an unknown event type is not an error
 * either ({@link #decode} returns empty) so that a topic can carry types a consumer does not handle.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String encode(EventEnvelope<?> envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + envelope.type(), e);
        }
    }

    /**
     * Reads an envelope. Empty when the type is not one this version of the contract knows.
     *
     * @throws MalformedEventException when the text is not a valid envelope or its data does not
     *     match its type
     */
    public static Optional<EventEnvelope<ConsiliumEvent>> decode(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // No cause attached: parser messages quote the input, which may be patient data.
            throw new MalformedEventException("Not JSON");
        }
        if (!(tree instanceof ObjectNode envelope)) {
            throw new MalformedEventException("Not a JSON object");
        }
        String specversion = requiredText(envelope, "specversion");
        if (!EventEnvelope.SPEC_VERSION.equals(specversion)) {
            throw new MalformedEventException("Unsupported CloudEvents specversion " + specversion);
        }
        String type = requiredText(envelope, "type");
        Optional<EventType> known = EventType.fromWireName(type);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(requiredText(envelope, "id"));
            Instant time = Instant.parse(requiredText(envelope, "time"));
            JsonNode data = envelope.get("data");
            if (data == null || !data.isObject()) {
                throw new MalformedEventException("Event " + id + " has no data object");
            }
            ConsiliumEvent payload = MAPPER.treeToValue(data, known.get().dataType());
            return Optional.of(new EventEnvelope<>(specversion, id, type, requiredText(envelope, "source"),
                    optionalText(envelope, "subject"), time, optionalText(envelope, "datacontenttype"), payload));
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof MalformedEventException m) {
                throw m;
            }
            // The cause stays out (its message quotes the offending value); the path says where.
            String where = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    ? " at data." + mapping.getPath().stream()
                            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                            .collect(java.util.stream.Collectors.joining("."))
                    : "";
            throw new MalformedEventException("Invalid " + type + where + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String requiredText(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("Envelope attribute '" + field + "' is missing");
        }
        return value.asText();
    }

    private static String optionalText(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
