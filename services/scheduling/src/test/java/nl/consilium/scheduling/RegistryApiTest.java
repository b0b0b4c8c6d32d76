package nl.consilium.scheduling;

import static io.restassured.RestAssured.given;
import static nl.consilium.scheduling.IntakeFixtures.MULDER;
import static nl.consilium.scheduling.IntakeFixtures.SMIT;
import static nl.consilium.scheduling.RegistryFixtures.newAgb;
import static nl.consilium.scheduling.RegistryFixtures.newBig;
import static nl.consilium.scheduling.RegistryFixtures.newOrganisation;
import static nl.consilium.scheduling.RegistryFixtures.profile;
import static nl.consilium.scheduling.RegistryFixtures.register;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The specialist registry over HTTP: the coordinator registers, lists, changes and deactivates
 * specialists and organisations; a specialist reads and changes only their own profile, and only
 * focus areas, languages and weekly maximum; identifiers, specialty and languages are validated; a
 * stale version is refused. (Specialties used here: neurology and urology, which no other test matches.)
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class RegistryApiTest {

    private static final String BASE = "/api/scheduling/specialists";

    private static Map<String, Object> update(JsonPath current) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", current.getLong("version"));
        body.put("name", current.getString("name"));
        body.put("big", current.getString("big"));
        body.put("specialty", current.getString("specialty"));
        body.put("focusAreas", current.getList("focusAreas"));
        body.put("organisations", current.getList("organisations.id"));
        body.put("languages", current.getList("languages"));
        body.put("maxConsultsPerWeek", current.getInt("maxConsultsPerWeek"));
        body.put("active", current.getBoolean("active"));
        return body;
    }

    private static JsonPath read(String token, String agb) {
        return given().auth().oauth2(token).get(BASE + "/{agb}", agb).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theCoordinatorRegistersListsChangesAndDeactivatesASpecialist() {
        String hospital = newOrganisation("Ziekenhuis Registratie");
        String group = newOrganisation("Maatschap Neurologie");
        String agb = newAgb();
        Map<String, Object> profile = profile(agb, "neurology", List.of(hospital, group));
        profile.put("focusAreas", List.of("epilepsy", "headache"));
        profile.put("maxConsultsPerWeek", 8);

        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(profile).post(BASE)
                .then().statusCode(201)
                .header("Location", endsWith(BASE + "/" + agb))
                .body("agb", is(agb))
                .body("name", is("Dr. Test " + agb))
                .body("big", is(profile.get("big")))
                .body("specialty", is("neurology"))
                .body("specialtyVektisCode", is("0330"))
                .body("focusAreas", containsInAnyOrder("epilepsy", "headache"))
                .body("organisations.id", containsInAnyOrder(hospital, group))
                .body("organisations.name", hasItem("Ziekenhuis Registratie " + hospital))
                .body("languages", containsInAnyOrder("nl", "en"))
                .body("maxConsultsPerWeek", is(8))
                .body("active", is(true))
                .body("version", is(0));

        JsonPath current = read(Tokens.coordinator(), agb);
        given().auth().oauth2(Tokens.coordinator()).get(BASE + "?specialty=neurology&active=true&size=200")
                .then().statusCode(200)
                .body("items.agb", hasItem(agb))
                .body("items.specialty", everyItem(is("neurology")))
                .body("total", is(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));

        // the coordinator changes everything but the AGB code
        Map<String, Object> change = update(current);
        change.put("name", "Dr. N. Euroloog");
        change.put("organisations", List.of(hospital));
        change.put("languages", List.of("nl", "de"));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(change).put(BASE + "/{agb}", agb)
                .then().statusCode(200)
                .body("name", is("Dr. N. Euroloog"))
                .body("organisations.id", containsInAnyOrder(hospital))
                .body("languages", containsInAnyOrder("nl", "de"))
                .body("version", is(1));
        // the same change again with the version read before: someone changed it meanwhile
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(change).put(BASE + "/{agb}", agb)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:concurrent-modification"));

        given().auth().oauth2(Tokens.coordinator()).post(BASE + "/{agb}/deactivation", agb)
                .then().statusCode(200).body("active", is(false));
        given().auth().oauth2(Tokens.coordinator()).get(BASE + "?specialty=neurology&active=true&size=200")
                .then().statusCode(200).body("items.agb", not(hasItem(agb)));
        given().auth().oauth2(Tokens.coordinator()).get(BASE + "?specialty=neurology&active=false&size=200")
                .then().statusCode(200).body("items.agb", hasItem(agb));
        // and back, by the coordinator's change
        Map<String, Object> reactivate = update(read(Tokens.coordinator(), agb));
        reactivate.put("active", true);
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(reactivate)
                .put(BASE + "/{agb}", agb).then().statusCode(200).body("active", is(true));
    }

    @Test
    void theRegistryIsPaged() {
        String hospital = newOrganisation("Ziekenhuis Paginering");
        register(profile(newAgb(), "urology", List.of(hospital)));
        register(profile(newAgb(), "urology", List.of(hospital)));
        JsonPath first = given().auth().oauth2(Tokens.coordinator()).get(BASE + "?specialty=urology&size=1&page=0")
                .then().statusCode(200).body("items", hasSize(1)).body("page", is(0)).body("size", is(1))
                .extract().jsonPath();
        JsonPath second = given().auth().oauth2(Tokens.coordinator()).get(BASE + "?specialty=urology&size=1&page=1")
                .then().statusCode(200).body("items", hasSize(1)).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(first.getLong("total")).isGreaterThanOrEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(first.getString("items[0].agb"))
                .isLessThan(second.getString("items[0].agb"));
        given().auth().oauth2(Tokens.coordinator()).get(BASE + "?size=500").then().statusCode(400)
                .body("errors.field", hasItem("size"));
    }

    @Test
    void identifiersSpecialtyAndLanguagesAreValidated() {
        String hospital = newOrganisation("Ziekenhuis Validatie");
        Map<String, Object> wrong = profile("1234567", "astrology", List.of(hospital));
        wrong.put("big", "123");
        wrong.put("languages", List.of("nl", "english"));
        wrong.put("name", " ");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(wrong).post(BASE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:validation-failed"))
                .body("errors.field", hasItems("agb", "big", "specialty", "languages", "name"));
        Map<String, Object> lettersInAgb = profile("0311111A", "neurology", List.of(hospital));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(lettersInAgb).post(BASE)
                .then().statusCode(400).body("errors.field", hasItem("agb"));
        Map<String, Object> noLanguage = profile(newAgb(), "neurology", List.of(hospital));
        noLanguage.put("languages", List.of());
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(noLanguage).post(BASE)
                .then().statusCode(400).body("errors.field", hasItem("languages"));
        given().auth().oauth2(Tokens.coordinator()).get(BASE + "?specialty=astrology").then().statusCode(400)
                .body("errors.field", hasItem("specialty"));

        // well-formed, but an organisation the registry does not know
        Map<String, Object> unknown = profile(newAgb(), "neurology", List.of("no-such-hospital"));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(unknown).post(BASE)
                .then().statusCode(422).body("type", is("urn:consilium:problem:unknown-organisation"));
        // a registered AGB code or BIG number again
        Map<String, Object> first = profile(newAgb(), "neurology", List.of(hospital));
        register(first);
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(first).post(BASE)
                .then().statusCode(409).body("type", is("urn:consilium:problem:specialist-exists"));
        Map<String, Object> sameBig = profile(newAgb(), "neurology", List.of(hospital));
        sameBig.put("big", first.get("big"));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(sameBig).post(BASE)
                .then().statusCode(409).body("type", is("urn:consilium:problem:big-in-use"));
        // nothing of the refused ones was written
        given().auth().oauth2(Tokens.coordinator()).get(BASE + "/{agb}", unknown.get("agb")).then().statusCode(404);
        given().auth().oauth2(Tokens.coordinator()).get(BASE + "/{agb}", sameBig.get("agb")).then().statusCode(404);
    }

    @Test
    void aSpecialistReadsAndChangesOnlyTheirOwnPreferences() {
        String hospital = newOrganisation("Ziekenhuis Eigen Profiel");
        String agb = register(profile(newAgb(), "neurology", List.of(hospital)));
        String other = register(profile(newAgb(), "neurology", List.of(hospital)));
        String own = Tokens.specialist(agb, "neurology");

        given().auth().oauth2(own).get(BASE + "/me").then().statusCode(200).body("agb", is(agb));
        JsonPath mine = read(own, agb);
        // another specialist's profile: as if there were none
        given().auth().oauth2(own).get(BASE + "/{agb}", other).then().statusCode(404)
                .contentType("application/problem+json").body("type", is("urn:consilium:problem:not-found"));
        given().auth().oauth2(own).contentType(ContentType.JSON).body(update(read(Tokens.coordinator(), other)))
                .put(BASE + "/{agb}", other).then().statusCode(404);

        // own focus areas, languages and weekly maximum: allowed
        Map<String, Object> preferences = update(mine);
        preferences.put("focusAreas", List.of("multiple sclerosis"));
        preferences.put("languages", List.of("nl", "fr"));
        preferences.put("maxConsultsPerWeek", 5);
        given().auth().oauth2(own).contentType(ContentType.JSON).body(preferences).put(BASE + "/{agb}", agb)
                .then().statusCode(200)
                .body("focusAreas", containsInAnyOrder("multiple sclerosis"))
                .body("languages", containsInAnyOrder("nl", "fr"))
                .body("maxConsultsPerWeek", is(5));

        // specialty, activity, name, BIG number and organisations: the coordinator's
        for (Map.Entry<String, Object> field : List.of(Map.entry("specialty", (Object) "urology"),
                Map.entry("active", (Object) false), Map.entry("name", (Object) "Dr. Zelf"),
                Map.entry("big", (Object) newBig()), Map.entry("organisations", (Object) List.of()))) {
            Map<String, Object> change = update(read(own, agb));
            change.put(field.getKey(), field.getValue());
            if (field.getKey().equals("organisations")) {
                change.put("organisations", List.of(newOrganisation("Ander Ziekenhuis")));
            }
            given().auth().oauth2(own).contentType(ContentType.JSON).body(change).put(BASE + "/{agb}", agb)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", is("urn:consilium:problem:not-editable"))
                    .body("detail", containsString(field.getKey()));
        }
        JsonPath after = read(Tokens.coordinator(), agb);
        org.assertj.core.api.Assertions.assertThat(after.getString("specialty")).isEqualTo("neurology");
        org.assertj.core.api.Assertions.assertThat(after.getBoolean("active")).isTrue();

        // registering and deactivating are the coordinator's
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(profile(newAgb(), "neurology", List.of(hospital))).post(BASE).then().statusCode(403);
        given().auth().oauth2(own).post(BASE + "/{agb}/deactivation", agb).then().statusCode(403);
        given().auth().oauth2(own).get(BASE).then().statusCode(403);
        // a specialist the registry does not know has no profile
        given().auth().oauth2(Tokens.specialist("03999999", "neurology")).get(BASE + "/me").then().statusCode(404);
    }

    @Test
    void gpsNursesAndAnonymousCallersHaveNoAccess() {
        for (String token : List.of(Tokens.gp("01123456"), Tokens.nurse())) {
            given().auth().oauth2(token).get(BASE).then().statusCode(403);
            given().auth().oauth2(token).get(BASE + "/{agb}", SMIT).then().statusCode(403);
            given().auth().oauth2(token).get(BASE + "/me").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of()).put(BASE + "/{agb}", SMIT)
                    .then().statusCode(403);
            given().auth().oauth2(token).post(BASE + "/{agb}/deactivation", SMIT).then().statusCode(403);
            given().auth().oauth2(token).get("/api/scheduling/organisations").then().statusCode(403);
        }
        given().get(BASE).then().statusCode(401);
        given().auth().oauth2(Tokens.specialist(SMIT, "cardiology")).get("/api/scheduling/organisations")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.specialist(MULDER, "cardiology")).get(BASE + "/{agb}", SMIT).then().statusCode(404);
    }

    @Test
    void theCoordinatorKeepsTheOrganisations() {
        String id = newOrganisation("Ziekenhuis Aliassen", "ZA");
        JsonPath created = given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/organisations/{id}", id)
                .then().statusCode(200).body("kind", is("HOSPITAL")).body("aliases", containsInAnyOrder("ZA"))
                .extract().jsonPath();
        Map<String, Object> change = Map.of("version", created.getLong("version"), "name", "Ziekenhuisgroep " + id,
                "kind", "GROUP", "aliases", List.of("ZA", "ZG Aliassen"));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(change)
                .put("/api/scheduling/organisations/{id}", id).then().statusCode(200)
                .body("name", is("Ziekenhuisgroep " + id)).body("kind", is("GROUP"))
                .body("aliases", containsInAnyOrder("ZA", "ZG Aliassen"));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(change)
                .put("/api/scheduling/organisations/{id}", id).then().statusCode(409);
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/organisations").then().statusCode(200)
                .body("id", hasItems(id, "ziekenhuis-west", "ziekenhuis-noord"));
        // the same id or name again
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Iets anders", "kind", "HOSPITAL"))
                .post("/api/scheduling/organisations").then().statusCode(409)
                .body("type", is("urn:consilium:problem:organisation-exists"));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("id", "other-" + id, "name", "ZIEKENHUIS  west", "kind", "HOSPITAL"))
                .post("/api/scheduling/organisations").then().statusCode(409)
                .body("type", is("urn:consilium:problem:organisation-name-in-use"));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("id", "Not An Id", "name", "X", "kind", "HOSPITAL"))
                .post("/api/scheduling/organisations").then().statusCode(400).body("errors.field", hasItem("id"));
    }

    @Test
    void theSpecialtyCodeListNamesItsSource() {
        given().auth().oauth2(Tokens.nurse()).get("/api/scheduling/specialties").then().statusCode(200)
                .body("find { it.code == 'cardiology' }.vektisCode", is("0320"))
                .body("find { it.code == 'orthopaedics' }.vektisCode", is("0305"))
                .body("find { it.code == 'orthopaedics' }.name", is("Orthopedie"));
        given().auth().oauth2(Tokens.gp("01123456")).get("/api/scheduling/specialties").then().statusCode(403);
    }
}
