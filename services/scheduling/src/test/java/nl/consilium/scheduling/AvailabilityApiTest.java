package nl.consilium.scheduling;

import static io.restassured.RestAssured.given;
import static nl.consilium.scheduling.IntakeFixtures.AMSTERDAM;
import static nl.consilium.scheduling.IntakeFixtures.MULDER;
import static nl.consilium.scheduling.IntakeFixtures.NOORD;
import static nl.consilium.scheduling.IntakeFixtures.SMIT;
import static nl.consilium.scheduling.IntakeFixtures.dateOf;
import static nl.consilium.scheduling.IntakeFixtures.freshFriday;
import static nl.consilium.scheduling.IntakeFixtures.intake;
import static nl.consilium.scheduling.IntakeFixtures.mondayAfter;
import static nl.consilium.scheduling.RegistryFixtures.newAgb;
import static nl.consilium.scheduling.RegistryFixtures.newOrganisation;
import static nl.consilium.scheduling.RegistryFixtures.profile;
import static nl.consilium.scheduling.RegistryFixtures.register;
import static nl.consilium.scheduling.RegistryFixtures.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.scheduling.service.SchedulingService;
import nl.consilium.scheduling.service.SchedulingService.BookingOutcome;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Availability over HTTP: weekly windows, one-off additions and absences, the slots cut from them
 * (free and booked, wall-clock across the daylight-saving changes), and who may see and change them.
 * (Specialty used here: ophthalmology, which no other test matches.)
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class AvailabilityApiTest {

    private static final String BASE = "/api/scheduling/specialists/{agb}";

    @Inject
    SchedulingService scheduling;

    private static String ophthalmologist() {
        return register(profile(newAgb(), "ophthalmology", List.of(newOrganisation("Oogziekenhuis"))));
    }

    private static List<String> slotStarts(String token, String agb, LocalDate from, LocalDate to) {
        return given().auth().oauth2(token).get(BASE + "/slots?from=" + from + "&to=" + to, agb)
                .then().statusCode(200).extract().jsonPath().getList("slots.startsAt", String.class);
    }

    private static String at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(AMSTERDAM).toInstant().toString();
    }

    @Test
    void aSpecialistKeepsTheirWeeklyWindowsAdditionsAndAbsences() {
        String agb = ophthalmologist();
        String own = Tokens.specialist(agb, "ophthalmology");
        LocalDate monday = dateOf(freshFriday()).plusDays(3);

        JsonPath empty = given().auth().oauth2(own).get(BASE + "/availability", agb).then().statusCode(200)
                .body("weekly", hasSize(0)).body("additions", hasSize(0)).body("absences", hasSize(0))
                .extract().jsonPath();
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("version", empty.getLong("version"), "windows", List.of(
                        window(DayOfWeek.MONDAY, "09:00", "10:30"), window(DayOfWeek.WEDNESDAY, "13:00", "14:00"))))
                .put(BASE + "/availability/weekly", agb).then().statusCode(200)
                .body("weekly", hasSize(2))
                .body("weekly[0].day", is("MONDAY")).body("weekly[0].from", is("09:00")).body("weekly[0].to", is("10:30"));
        // the same version again: changed meanwhile
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("version", empty.getLong("version"), "windows", List.of()))
                .put(BASE + "/availability/weekly", agb).then().statusCode(409)
                .body("type", is("urn:consilium:problem:concurrent-modification"));

        assertThat(slotStarts(own, agb, monday, monday.plusDays(4))).containsExactly(
                at(monday, 9, 0), at(monday, 9, 30), at(monday, 10, 0),
                at(monday.plusDays(2), 13, 0), at(monday.plusDays(2), 13, 30));

        // one extra hour on Friday, and Wednesday off
        String addition = given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("date", monday.plusDays(4).toString(), "from", "16:00", "to", "17:00"))
                .post(BASE + "/availability/additions", agb).then().statusCode(201)
                .extract().jsonPath().getString("id");
        String absence = given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("from", monday.plusDays(2).toString(), "to", monday.plusDays(2).toString(),
                        "reason", "congress"))
                .post(BASE + "/availability/absences", agb).then().statusCode(201)
                .body("reason", is("congress")).extract().jsonPath().getString("id");
        assertThat(slotStarts(own, agb, monday, monday.plusDays(4))).containsExactly(
                at(monday, 9, 0), at(monday, 9, 30), at(monday, 10, 0),
                at(monday.plusDays(4), 16, 0), at(monday.plusDays(4), 16, 30));
        given().auth().oauth2(Tokens.coordinator()).get(BASE + "/availability", agb).then().statusCode(200)
                .body("additions[0].id", is(addition)).body("absences[0].id", is(absence));

        given().auth().oauth2(own).delete(BASE + "/availability/absences/{id}", agb, absence).then().statusCode(204);
        given().auth().oauth2(Tokens.coordinator()).delete(BASE + "/availability/additions/{id}", agb, addition)
                .then().statusCode(204);
        given().auth().oauth2(own).delete(BASE + "/availability/additions/{id}", agb, addition).then().statusCode(404);
        assertThat(slotStarts(own, agb, monday, monday.plusDays(4))).containsExactly(
                at(monday, 9, 0), at(monday, 9, 30), at(monday, 10, 0),
                at(monday.plusDays(2), 13, 0), at(monday.plusDays(2), 13, 30));
    }

    @Test
    void slotsKeepTheirWallClockTimeAcrossTheDaylightSavingChanges() {
        String agb = ophthalmologist();
        RegistryFixtures.weekly(agb, List.of(window(DayOfWeek.FRIDAY, "09:00", "10:00"),
                window(DayOfWeek.MONDAY, "09:00", "10:00")));
        // summer time starts on Sunday 30 March 2031: 09:00 is 08:00 UTC on Friday, 07:00 UTC on Monday
        List<String> spring = slotStarts(Tokens.coordinator(), agb, LocalDate.of(2031, 3, 28), LocalDate.of(2031, 3, 31));
        assertThat(spring).containsExactly("2031-03-28T08:00:00Z", "2031-03-28T08:30:00Z",
                "2031-03-31T07:00:00Z", "2031-03-31T07:30:00Z");
        // winter time starts on Sunday 26 October 2031: back from 07:00 to 08:00 UTC
        List<String> autumn = slotStarts(Tokens.coordinator(), agb, LocalDate.of(2031, 10, 24), LocalDate.of(2031, 10, 27));
        assertThat(autumn).containsExactly("2031-10-24T07:00:00Z", "2031-10-24T07:30:00Z",
                "2031-10-27T08:00:00Z", "2031-10-27T08:30:00Z");
        for (String start : spring) {
            assertThat(LocalDateTime.ofInstant(Instant.parse(start), AMSTERDAM).toLocalTime())
                    .isIn(LocalTime.of(9, 0), LocalTime.of(9, 30));
        }
        // a public holiday has no slots: Monday 14 April 2031 is Easter Monday
        assertThat(slotStarts(Tokens.coordinator(), agb, LocalDate.of(2031, 4, 14), LocalDate.of(2031, 4, 14))).isEmpty();
    }

    @Test
    void slotsShowWhatIsBookedAndOnlyToTheCoordinatorAndTheSpecialistThemselves() {
        Instant friday = freshFriday();
        IntakeCompleted intake = intake("cardiology", NOORD, friday);   // Jeroen Smit, Monday 09:00
        assertThat(scheduling.book(intake)).isEqualTo(BookingOutcome.BOOKED);
        LocalDate monday = dateOf(mondayAfter(friday, LocalTime.of(9, 0)));

        String slots = BASE + "/slots?from=" + monday + "&to=" + monday;
        JsonPath mine = given().auth().oauth2(Tokens.specialist(SMIT, "cardiology")).get(slots, SMIT)
                .then().statusCode(200).body("slotMinutes", is(30)).body("slots", hasSize(16))
                .extract().jsonPath();
        assertThat(mine.getString("slots[0].startsAt")).isEqualTo(at(monday, 9, 0));
        assertThat(mine.getBoolean("slots[0].booked")).isTrue();
        assertThat(mine.getBoolean("slots[1].booked")).isFalse();
        given().auth().oauth2(Tokens.coordinator()).get(slots, SMIT).then().statusCode(200)
                .body("slots.find { it.startsAt == '%s' }.booked".formatted(at(monday, 9, 0)), is(true));

        // another specialist's slots: as if there were none; other roles: forbidden
        given().auth().oauth2(Tokens.specialist(MULDER, "cardiology")).get(slots, SMIT).then().statusCode(404);
        given().auth().oauth2(Tokens.specialist(MULDER, "cardiology")).get(BASE + "/availability", SMIT)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.specialist(MULDER, "cardiology")).contentType(ContentType.JSON)
                .body(Map.of("date", monday.toString(), "from", "18:00", "to", "19:00"))
                .post(BASE + "/availability/additions", SMIT).then().statusCode(404);
        given().auth().oauth2(Tokens.nurse()).get(slots, SMIT).then().statusCode(403);
        given().auth().oauth2(Tokens.gp("01123456")).get(BASE + "/availability", SMIT).then().statusCode(403);
        given().auth().oauth2(Tokens.coordinator()).get(slots, "03999999").then().statusCode(404);
    }

    @Test
    void windowsAndRangesAreValidated() {
        String agb = ophthalmologist();
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("version", 0, "windows", List.of(window(DayOfWeek.MONDAY, "12:00", "09:00"))))
                .put(BASE + "/availability/weekly", agb).then().statusCode(400)
                .body("type", is("urn:consilium:problem:validation-failed"));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("date", "2031-02-03", "from", "10:00", "to", "10:00"))
                .post(BASE + "/availability/additions", agb).then().statusCode(400);
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("from", "2031-02-05", "to", "2031-02-03"))
                .post(BASE + "/availability/absences", agb).then().statusCode(400)
                .body("errors.field", hasItem("toNotBeforeFrom"));
        given().auth().oauth2(Tokens.coordinator()).get(BASE + "/slots?from=2031-01-01&to=2031-06-30", agb)
                .then().statusCode(400).body("type", is("urn:consilium:problem:invalid-range"));
        given().auth().oauth2(Tokens.coordinator()).get(BASE + "/slots?from=2031-02-10&to=2031-02-01", agb)
                .then().statusCode(400).body("type", is("urn:consilium:problem:invalid-range"));
        given().auth().oauth2(Tokens.coordinator()).get(BASE + "/slots?from=next-monday", agb)
                .then().statusCode(400).body("type", is("urn:consilium:problem:validation-failed"));
        // an instant works as well as a date
        given().auth().oauth2(Tokens.coordinator())
                .get(BASE + "/slots?from=2031-02-03T08:00:00Z&to=2031-02-03T12:00:00Z", agb).then().statusCode(200);
    }
}
