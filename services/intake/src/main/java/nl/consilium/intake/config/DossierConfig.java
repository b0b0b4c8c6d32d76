package nl.consilium.intake.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/**
 * The dossier's upload rules (CONSILIUM_DOSSIER_...). {@code quarkus.http.limits.max-body-size}
 * must lie above {@link #maxDocumentSize()} (with room for the multipart framing), or Vert.x refuses
 * a large upload with its own empty 413 before the service can answer it.
 */
@ConfigMapping(prefix = "consilium.dossier")
public interface DossierConfig {

    /** The largest document the nurse can upload. */
    @WithDefault("20M")
    MemorySize maxDocumentSize();

    /**
     * The content types an upload may declare; each must have a signature that
     * {@code ContentTypes.check} verifies against the bytes (types without one are refused too).
     */
    @WithDefault("application/pdf,image/png,image/jpeg,image/tiff")
    Set<String> allowedContentTypes();
}
