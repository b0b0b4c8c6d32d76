package nl.consilium.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import nl.consilium.consult.service.DossierLinks;
import org.junit.jupiter.api.Test;

/** Intake's download link of a dossier document, with and without consilium.consult.intake-base-url. */
class DossierLinksTest {

    private static final UUID REFERRAL = UUID.fromString("5b0e7c9e-0c1a-4f7e-9a57-3c2d1e0f9a11");
    private static final UUID DOCUMENT = UUID.fromString("0f1e2d3c-4b5a-4968-8776-655443322110");
    private static final String PATH = "/api/intake/cases/" + REFERRAL + "/dossier/documents/" + DOCUMENT;

    @Test
    void withoutABaseUrlTheLinkIsIntakesPath() {
        assertThat(DossierLinks.intakeDownloadUrl(Optional.empty(), REFERRAL, DOCUMENT)).hasToString(PATH);
    }

    @Test
    void aBaseUrlIsPrefixedWithOrWithoutItsTrailingSlash() {
        assertThat(DossierLinks.intakeDownloadUrl(Optional.of(URI.create("http://localhost:18082")), REFERRAL,
                DOCUMENT)).hasToString("http://localhost:18082" + PATH);
        assertThat(DossierLinks.intakeDownloadUrl(Optional.of(URI.create("https://consilium.example.org/intake/")),
                REFERRAL, DOCUMENT)).hasToString("https://consilium.example.org/intake" + PATH);
    }

    @Test
    void aBaseUrlThatIsNoAbsoluteHttpUrlIsRefused() {
        for (String base : new String[] {"localhost:18082", "/intake", "ftp://files.example.org",
                "https://consilium.example.org?x=1", "https://consilium.example.org#top",
                "https://user:secret@consilium.example.org"}) {
            assertThatThrownBy(() -> DossierLinks.intakeDownloadUrl(Optional.of(URI.create(base)), REFERRAL, DOCUMENT))
                    .as(base).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("consilium.consult.intake-base-url");
        }
    }
}
