package nl.consilium.intake;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/** Calls of the dossier API and the sample files under src/test/resources/dossier. */
final class DossierFixtures {

    static final String CASES = "/api/intake/cases/{referralId}";
    static final String ITEMS = CASES + "/dossier/items";
    static final String DOCUMENTS = CASES + "/dossier/documents";

    private DossierFixtures() {
    }

    /** The nurse behind {@code token} takes the case's claim. */
    static void claim(UUID referralId, String token) {
        given().auth().oauth2(token).post(CASES + "/claim", referralId).then().statusCode(200);
    }

    static ValidatableResponse requestItem(String token, UUID referralId, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(ITEMS, referralId).then();
    }

    static ValidatableResponse changeItem(String token, UUID referralId, String itemId, String change, long version) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("version", version))
                .post(ITEMS + "/{itemId}/" + change, referralId, itemId).then();
    }

    static ValidatableResponse upload(String token, UUID referralId, String fileName, byte[] data,
            String contentType, String title, String itemIdOrNull) {
        var request = given().auth().oauth2(token).multiPart("file", fileName, data, contentType)
                .multiPart("title", title);
        if (itemIdOrNull != null) {
            request = request.multiPart("itemId", itemIdOrNull);
        }
        return request.post(DOCUMENTS, referralId).then();
    }

    /** A sample file from src/test/resources/dossier. */
    static byte[] sample(String name) {
        try (InputStream in = DossierFixtures.class.getResourceAsStream("/dossier/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
