package nl.consilium.intake.api;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import nl.consilium.intake.config.DossierConfig;
import nl.consilium.platform.content.ContentTypes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checks the upload settings at start: Vert.x's body limit must lie above the dossier's document
 * limit (or a large upload gets Vert.x's empty 413 instead of the dossier's problem), and every
 * allowed content type must be one whose bytes {@link ContentTypes#check} can verify.
 */
@ApplicationScoped
public class DossierUploadLimits {

    private static final Logger LOG = Logger.getLogger(DossierUploadLimits.class);

    /** Room for the multipart framing and the other form fields around the file. */
    static final long FRAMING = 64 * 1024;

    @Inject
    DossierConfig config;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void check(@Observes StartupEvent started) {
        long document = config.maxDocumentSize().asLongValue();
        long body = maxBodySize.map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        if (body < document + FRAMING) {
            LOG.warnf("quarkus.http.limits.max-body-size (%d bytes) is not above consilium.dossier.max-document-size"
                    + " (%d bytes) plus %d bytes for the multipart framing: larger uploads get Vert.x's empty 413,"
                    + " not a problem+json", body, document, FRAMING);
        }
        for (String type : config.allowedContentTypes()) {
            String normalised = ContentTypes.normalise(type);
            if (!type.equals(normalised) || !ContentTypes.check(normalised, new byte[0]).verifiable()) {
                throw new IllegalStateException("consilium.dossier.allowed-content-types: " + type
                        + " is not a lower-case content type whose bytes can be verified");
            }
        }
    }
}
