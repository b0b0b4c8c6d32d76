package nl.consilium.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import nl.consilium.events.scheduling.ConsultScheduled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pins the wire format: every event type has a golden JSON file under {@code wire/}. A change that
 * breaks one of these tests breaks the consumers of that event; make it additive instead.
 */
class WireFormatTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void encodesEveryEventTypeExactlyAsItsGoldenFile(EventType type) throws IOException {
        JsonNode expected = EventCodec.mapper().readTree(golden(type));
        JsonNode actual = EventCodec.mapper().readTree(EventCodec.encode(SampleEvents.envelope(type)));
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void decodesEveryGoldenFileToTheSameEvent(EventType type) throws IOException {
        EventEnvelope<ConsiliumEvent> decoded = EventCodec.decode(golden(type)).orElseThrow();
        assertThat(decoded).isEqualTo(SampleEvents.envelope(type));
        assertThat(decoded.eventType()).isEqualTo(type);
    }

    @Test
    void everyTypeCarriesAVersionSuffixAndIsOwnedByOneTopic() {
        assertThat(EventType.values()).allSatisfy(t -> {
            assertThat(t.wireName()).matches("nl\\.consilium\\.[a-z]+\\.[A-Za-z]+\\.v[0-9]+");
            assertThat(t.topic()).startsWith("consilium.");
        });
        assertThat(Arrays.stream(EventType.values()).map(EventType::wireName).distinct()).hasSize(EventType.values().length);
    }

    @Test
    void envelopeOfTakesSubjectFromTheReferralAndSourceFromTheService() {
        var data = (ConsultScheduled) SampleEvents.ALL.get(EventType.CONSULT_SCHEDULED);
        var envelope = EventEnvelope.of(data, "scheduling", Instant.EPOCH);
        assertThat(envelope.subject()).isEqualTo(SampleEvents.REFERRAL.toString());
        assertThat(envelope.source()).isEqualTo("/consilium/scheduling");
        assertThat(envelope.type()).isEqualTo("nl.consilium.scheduling.ConsultScheduled.v1");
        assertThat(envelope.id()).isNotEqualTo(EventEnvelope.of(data, "scheduling", Instant.EPOCH).id());
    }

    @Test
    void auditRecordsAreKeyedByPatientOtherEventsByReferral() {
        assertThat(SampleEvents.ALL.get(EventType.AUDIT_RECORDED).partitionKey())
                .isEqualTo(SampleEvents.PATIENT.toString());
        assertThat(SampleEvents.ALL.get(EventType.CONSULT_SCHEDULED).partitionKey())
                .isEqualTo(SampleEvents.REFERRAL.toString());
    }

    @Test
    void unknownTypeIsNotAnError() {
        String json = golden(EventType.CONSULT_SCHEDULED).replace("ConsultScheduled.v1", "ConsultScheduled.v9");
        assertThat(EventCodec.decode(json)).isEmpty();
    }

    @Test
    void unknownDataFieldsAreIgnoredSoProducersCanAddFields() {
        String json = golden(EventType.CONSULT_SCHEDULED).replace("\"specialty\"", "\"newField\":1,\"specialty\"");
        assertThat(EventCodec.decode(json)).contains(SampleEvents.envelope(EventType.CONSULT_SCHEDULED));
    }

    @Test
    void poisonMessagesAreRejectedAsMalformed() {
        assertThatThrownBy(() -> EventCodec.decode("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("[]")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode(golden(EventType.CONSULT_SCHEDULED).replace("\"id\"", "\"xid\"")))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode(
                golden(EventType.CONSULT_SCHEDULED).replace("2026-11-25T09:00:00Z", "tomorrow")))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode(golden(EventType.CONSULT_SCHEDULED).replace("\"1.0\"", "\"0.3\"")))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void malformedEventErrorsNameTheFieldButNeverQuoteTheValue() {
        String json = golden(EventType.CONSULT_SCHEDULED).replace("03111111", "not-an-agb").replace(
                "\"2026-11-25T09:00:00Z\"", "\"Jan Secret Patient\"");
        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("startsAt")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Secret"));
        assertThatThrownBy(() -> EventCodec.decode("{\"Jan Secret\": ")).hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Secret"));
    }

    static String golden(EventType type) {
        String name = "/wire/" + type.wireName() + ".json";
        try (InputStream in = WireFormatTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
