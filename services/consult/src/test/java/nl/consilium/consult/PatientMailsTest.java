package nl.consilium.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import nl.consilium.consult.service.mail.MailKind;
import nl.consilium.consult.service.mail.PatientMails;
import nl.consilium.consult.service.mail.PatientMails.Facts;
import nl.consilium.consult.service.mail.PatientMails.Language;
import org.junit.jupiter.api.Test;

/** The emails' language and wording, without Quarkus. */
class PatientMailsTest {

    @Test
    void dutchUnlessAnotherLanguageWasRecorded() {
        assertThat(Language.of(null)).isEqualTo(Language.DUTCH);
        assertThat(Language.of(" ")).isEqualTo(Language.DUTCH);
        assertThat(Language.of("nl")).isEqualTo(Language.DUTCH);
        assertThat(Language.of("NL-nl")).isEqualTo(Language.DUTCH);
        assertThat(Language.of("en")).isEqualTo(Language.ENGLISH);
        assertThat(Language.of("tr")).isEqualTo(Language.ENGLISH);
    }

    @Test
    void everyKindNamesTheTimeInAmsterdamAndNoMedicalContentInTheSubject() {
        Facts facts = new Facts(null, "nl", null, null, Instant.parse("2026-03-29T08:00:00Z"),
                Instant.parse("2026-03-29T08:30:00Z"), URI.create("https://meet.example.org/room"));
        for (MailKind kind : MailKind.values()) {
            PatientMails.Message m = PatientMails.compose(kind, "p@example.org", facts);
            // 29 March 2026: summer time started at 02:00, so 08:00 UTC is 10:00 in Amsterdam
            assertThat(m.subject()).contains("zondag 29 maart 2026 om 10:00");
            assertThat(m.body()).startsWith("Beste heer/mevrouw,").contains("de specialist");
            assertThat(m.recipient()).isEqualTo("p@example.org");
        }
        assertThat(PatientMails.compose(MailKind.CANCELLED, "p@example.org", facts).body()).doesNotContain("https://");
    }
}
