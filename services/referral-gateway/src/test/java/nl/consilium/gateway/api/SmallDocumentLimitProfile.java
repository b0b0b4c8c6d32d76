package nl.consilium.gateway.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A 16 KiB document limit, with Vert.x's own body limit above it at 64 KiB. */
public class SmallDocumentLimitProfile implements QuarkusTestProfile {

    static final int DOCUMENT_LIMIT = 16 * 1024;
    static final int VERTX_LIMIT = 64 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("consilium.referral-gateway.max-document-size", DOCUMENT_LIMIT / 1024 + "K",
                "quarkus.http.limits.max-body-size", VERTX_LIMIT / 1024 + "K");
    }
}
