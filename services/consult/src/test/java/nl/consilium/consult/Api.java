package nl.consilium.consult;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import nl.consilium.testing.Tokens;

/** The consult API as the tests call it. */
final class Api {

    static final Duration WAIT = Duration.ofSeconds(30);

    static final Map<String, Object> REPORT = Map.of(
            "findings", "Dossier bestudeerd; beeldbelconsult gehouden. Diagnose consistent.",
            "conclusion", "CONFIRMS_POLICY",
            "recommendations", "Het beleid van de behandelend specialist volgen.",
            "freeText", "Patiënt is gerustgesteld.");

    private Api() {
    }

    static String smit() {
        return Tokens.specialist(ConsultFixtures.SMIT_AGB, ConsultFixtures.SPECIALTY);
    }

    static String mulder() {
        return Tokens.specialist(ConsultFixtures.MULDER_AGB, ConsultFixtures.SPECIALTY);
    }

    static ValidatableResponse get(String token, UUID id) {
        return given().auth().oauth2(token).get("/api/consults/{id}", id).then();
    }

    /** {@code POST /api/consults/{id}/<step>} without a body. */
    static ValidatableResponse post(String token, UUID id, String step) {
        return given().auth().oauth2(token).post("/api/consults/{id}/" + step, id).then();
    }

    static ValidatableResponse saveReport(String token, UUID id, Map<String, ?> report) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(report)
                .put("/api/consults/{id}/report", id).then();
    }

    static ValidatableResponse addendum(String token, UUID id, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/consults/{id}/report/addenda", id).then();
    }

    /** Waits until the coordinator sees the consult in {@code status}. */
    static void awaitStatus(UUID id, String status) {
        await().atMost(WAIT).untilAsserted(() -> get(Tokens.coordinator(), id).statusCode(200).body("status", is(status)));
    }

    /** dossier-read, start, report, sign: the consult is in progress with a final report. */
    static void throughToSignedReport(String token, UUID id) {
        post(token, id, "dossier-read").statusCode(200).body("status", is("DOSSIER_READ"));
        post(token, id, "start").statusCode(200).body("status", is("IN_PROGRESS"));
        saveReport(token, id, REPORT).statusCode(200).body("report.status", is("DRAFT"));
        post(token, id, "report/finalise").statusCode(200).body("report.status", is("FINAL"));
    }
}
