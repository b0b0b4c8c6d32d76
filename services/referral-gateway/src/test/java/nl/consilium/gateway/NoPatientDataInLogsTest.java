package nl.consilium.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Everything the gateway logs while it takes (and refuses) a whole referral, at every level: none of
 * it may carry patient data (BSN, name, birth date, phone, medical text).
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ConsiliumTestInfrastructure.SERVICE, value = "referral-gateway"))
class NoPatientDataInLogsTest {

    /** Collects every record that reaches the root logger's handlers, formatted. */
    static final class Collector extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            Object[] parameters = record.getParameters();
            if (parameters != null) {
                for (Object p : parameters) {
                    message += " | " + p;
                }
            }
            if (record.getThrown() != null) {
                message += " | " + record.getThrown();
            }
            lines.add(record.getLoggerName() + ": " + message);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void takingAndRefusingAReferralLogsNoPatientData() {
        Collector collector = new Collector();
        collector.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(collector);
        try {
            Samples.FreshReferral referral = Samples.freshReferral();
            for (String name : List.of("questionnaire.json", "appointment-request.xml", "referral-letter.json",
                    "supplement.xml", "cancellation.json")) {
                post(referral.document(name).text(), name).then().statusCode(201);
            }
            // refusals: an invalid BSN (422), another patient (422), a broken document (400)
            Samples.Fresh invalidBsn = Samples.fresh("appointment-request.json");
            post(invalidBsn.text().replace(invalidBsn.bsn(), "123456789"), "appointment-request.json")
                    .then().statusCode(422);
            post(new Samples.FreshReferral(referral.zdNumber(), ZorgDomeinBundle.validBsn())
                    .document("referral-letter.json").text(), "referral-letter.json").then().statusCode(422);
            post(referral.document("appointment-request.json").text().replace("\"female\"", "\"vrouw\""),
                    "appointment-request.json").then().statusCode(400);

            assertThat(collector.lines).as("the refusals are logged for the operator")
                    .anyMatch(l -> l.contains("document rejected") && l.contains("422"));
            assertThat(collector.lines).allSatisfy(line -> assertThat(line)
                    .doesNotContain(referral.bsn())
                    .doesNotContain("123456789")
                    .doesNotContain("Maria")
                    .doesNotContain("van den Berg")
                    .doesNotContain("1958-09-14")
                    .doesNotContain("0612345678")
                    .doesNotContain("ablatie")
                    .doesNotContain("Patiënt ziet af"));
        } finally {
            root.removeHandler(collector);
        }
    }

    private static io.restassured.response.Response post(String text, String name) {
        return given().auth().oauth2(Tokens.referralSource())
                .contentType(name.endsWith("xml") ? "application/fhir+xml" : "application/fhir+json")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/fhir/Bundle");
    }
}
