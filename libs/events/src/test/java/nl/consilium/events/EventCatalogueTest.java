package nl.consilium.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/event-catalogue.md must list every event type with its topic. */
class EventCatalogueTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void catalogueListsEveryEventTypeWithItsTopic(EventType type) throws IOException {
        String catalogue = Files.readString(Path.of("../../docs/event-catalogue.md"));
        assertThat(catalogue).contains("`" + type.wireName() + "`");
        assertThat(catalogue.lines().filter(l -> l.contains("`" + type.wireName() + "`")))
                .anySatisfy(l -> assertThat(l).contains("`" + type.topic() + "`"));
    }
}
