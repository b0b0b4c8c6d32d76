package nl.consilium.scheduling;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import nl.consilium.testing.Tokens;

/** Fictitious specialists and organisations, registered over the API as a coordinator. */
final class RegistryFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 500_000));

    /** An AGB code no other test uses (type 04, not one of the demo specialists'). */
    static String newAgb() {
        return String.format("04%06d", SEQUENCE.incrementAndGet());
    }

    /** An 11-digit BIG number no other test uses. */
    static String newBig() {
        return String.format("9%010d", SEQUENCE.incrementAndGet());
    }

    /** Registers an organisation (a hospital) with a fresh id and these aliases; returns the id. */
    static String newOrganisation(String name, String... aliases) {
        String id = "test-org-" + SEQUENCE.incrementAndGet();
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", name + " " + id, "kind", "HOSPITAL", "aliases", List.of(aliases)))
                .post("/api/scheduling/organisations").then().statusCode(201);
        return id;
    }

    /** A registration body: Dutch and English, 20 consults a week, no focus areas. */
    static Map<String, Object> profile(String agb, String specialty, List<String> organisations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agb", agb);
        body.put("name", "Dr. Test " + agb);
        body.put("big", newBig());
        body.put("specialty", specialty);
        body.put("focusAreas", List.of());
        body.put("organisations", organisations);
        body.put("languages", List.of("nl", "en"));
        body.put("maxConsultsPerWeek", 20);
        return body;
    }

    /** Registers the specialist (201 expected) and returns the AGB code. */
    static String register(Map<String, Object> profile) {
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(profile)
                .post("/api/scheduling/specialists").then().statusCode(201);
        return (String) profile.get("agb");
    }

    /** A specialist of {@code specialty} at a new organisation of their own, with these focus areas and weekly maximum. */
    static String specialist(String specialty, List<String> focusAreas, int maxPerWeek) {
        Map<String, Object> profile = profile(newAgb(), specialty, List.of(newOrganisation("Ziekenhuis")));
        profile.put("focusAreas", focusAreas);
        profile.put("maxConsultsPerWeek", maxPerWeek);
        return register(profile);
    }

    static Map<String, Object> window(DayOfWeek day, String from, String to) {
        return Map.of("day", day.name(), "from", from, "to", to);
    }

    /** Replaces the weekly windows (as the coordinator, with the version just read). */
    static void weekly(String agb, List<Map<String, Object>> windows) {
        long version = given().auth().oauth2(Tokens.coordinator())
                .get("/api/scheduling/specialists/{agb}/availability", agb).then().statusCode(200)
                .extract().jsonPath().getLong("version");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("version", version, "windows", new ArrayList<>(windows)))
                .put("/api/scheduling/specialists/{agb}/availability/weekly", agb).then().statusCode(200);
    }

    /** Adds a one-off window on a date (as the coordinator). */
    static void addition(String agb, LocalDate date, String from, String to) {
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("date", date.toString(), "from", from, "to", to))
                .post("/api/scheduling/specialists/{agb}/availability/additions", agb).then().statusCode(201);
    }

    private RegistryFixtures() {
    }
}
