package nl.consilium.intake;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The dossier tests' settings: a 1 MB document limit, so that the size limit is tested with small
 * bodies. Quarkus's own body limit stays at intake's 21M, above it.
 */
public class DossierTestProfile implements QuarkusTestProfile {

    static final int MAX_DOCUMENT_SIZE = 1024 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("consilium.dossier.max-document-size", "1M");
    }
}
