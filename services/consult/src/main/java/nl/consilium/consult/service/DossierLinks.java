package nl.consilium.consult.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.consilium.consult.config.ConsultConfig;
import nl.consilium.consult.domain.DossierDocument;
import nl.consilium.consult.domain.DossierSource;

/**
 * Where a dossier document is downloaded: consult does not hold the bytes, the service that described
 * the document serves them. Intake's documents are at
 * {@code /api/intake/cases/{referralId}/dossier/documents/{documentId}}, under
 * {@code consilium.consult.intake-base-url} when set (checked at start: an absolute http(s) URL
 * without query or fragment), the path alone otherwise.
 */
@ApplicationScoped
public class DossierLinks {

    @Inject
    ConsultConfig config;

    void check(@Observes StartupEvent started) {
        config.intakeBaseUrl().ifPresent(DossierLinks::requireBaseUrl);
    }

    /** The download link of a document. */
    public URI downloadUrl(DossierDocument document) {
        if (document.source() != DossierSource.INTAKE) {
            throw new IllegalStateException("No download link for documents of " + document.source());
        }
        return intakeDownloadUrl(config.intakeBaseUrl(), document.referralId(), document.documentId());
    }

    /** Intake's download path of a document, under {@code baseUrl} when given. */
    public static URI intakeDownloadUrl(Optional<URI> baseUrl, UUID referralId, UUID documentId) {
        String path = "/api/intake/cases/" + referralId + "/dossier/documents/" + documentId;
        if (baseUrl.isEmpty()) {
            return URI.create(path);
        }
        String base = requireBaseUrl(baseUrl.get()).toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }

    private static URI requireBaseUrl(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!base.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null
                || base.getRawQuery() != null || base.getRawFragment() != null || base.getRawUserInfo() != null) {
            throw new IllegalStateException("consilium.consult.intake-base-url must be an absolute http(s) URL"
                    + " without user info, query or fragment, such as https://consilium.example.org; it is " + base);
        }
        return base;
    }
}
