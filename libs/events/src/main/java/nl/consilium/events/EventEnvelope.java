package nl.consilium.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. {@code type} carries the version suffix
 * ({@code nl.consilium.referral.ReferralReceived.v1}), {@code subject} is the referral id, and
 * {@code source} names the producing service ({@code /consilium/intake}).
 */
@JsonPropertyOrder({"specversion", "id", "type", "source", "subject", "time", "datacontenttype", "data"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope<T extends ConsiliumEvent>(
        String specversion,
        UUID id,
        String type,
        String source,
        String subject,
        Instant time,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** Wraps event data produced by {@code service} at {@code time} under a fresh id. */
    public static <T extends ConsiliumEvent> EventEnvelope<T> of(T data, String service, Instant time) {
        EventType type = EventType.of(data);
        return new EventEnvelope<>(SPEC_VERSION, UUID.randomUUID(), type.wireName(), "/consilium/" + service,
                data.referralId() == null ? null : data.referralId().toString(), time, CONTENT_TYPE, data);
    }

    public EventType eventType() {
        return EventType.fromWireName(type).orElseThrow();
    }

    /** The data as the given record type, for a consumer that has checked {@link #eventType()}. */
    public <E extends ConsiliumEvent> E dataAs(Class<E> expected) {
        return expected.cast(data);
    }
}
