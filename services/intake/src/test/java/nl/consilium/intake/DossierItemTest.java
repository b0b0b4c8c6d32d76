package nl.consilium.intake;

import static io.restassured.RestAssured.given;
import static nl.consilium.intake.DossierFixtures.ITEMS;
import static nl.consilium.intake.DossierFixtures.changeItem;
import static nl.consilium.intake.DossierFixtures.claim;
import static nl.consilium.intake.DossierFixtures.requestItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.intake.service.IntakeService;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The dossier checklist over HTTP, with real PostgreSQL and signed tokens. */
@QuarkusTest
@TestProfile(DossierTestProfile.class)
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class DossierItemTest {

    private static final Map<String, Object> DISCHARGE_LETTER = Map.of("kind", "DISCHARGE_LETTER",
            "requestedFrom", "TREATING_HOSPITAL", "note", "Gevraagd per fax");

    @Inject
    IntakeService intake;

    @Inject
    EntityManager entityManager;

    private ReferralReceived claimedCase(String nurse) {
        ReferralReceived referral = ReferralFixtures.referral();
        intake.openCase(referral);
        claim(referral.referralId(), nurse);
        return referral;
    }

    @Test
    void theNurseRequestsDocumentsAndMarksThemReceivedOrNotNeeded() {
        String nurse = Tokens.nurse("nurse.dekker");
        ReferralReceived referral = claimedCase(nurse);
        UUID id = referral.referralId();

        String letter = requestItem(nurse, id, DISCHARGE_LETTER)
                .statusCode(201)
                .body("status", is("REQUESTED"))
                .body("kind", is("DISCHARGE_LETTER"))
                .body("requestedFrom", is("TREATING_HOSPITAL"))
                .body("requestedBy", is("nurse.dekker"))
                .body("requestedAt", notNullValue())
                .body("receivedAt", nullValue())
                .body("note", is("Gevraagd per fax"))
                .body("version", is(0))
                .extract().path("itemId");
        String labs = requestItem(nurse, id, Map.of("kind", "LAB_RESULTS", "requestedFrom", "PATIENT"))
                .statusCode(201).extract().path("itemId");
        String other = requestItem(nurse, id, Map.of("kind", "OTHER", "requestedFrom", "GP",
                "description", "Medicatieoverzicht van de apotheek"))
                .statusCode(201).body("description", is("Medicatieoverzicht van de apotheek")).extract().path("itemId");

        given().auth().oauth2(nurse).get(ITEMS, id).then().statusCode(200)
                .body("itemId", contains(letter, labs, other))
                .body("status", contains("REQUESTED", "REQUESTED", "REQUESTED"));

        changeItem(nurse, id, letter, "received", 0).statusCode(200)
                .body("status", is("RECEIVED"))
                .body("receivedBy", is("nurse.dekker"))
                .body("receivedAt", notNullValue())
                .body("note", is("Gevraagd per fax"))
                .body("version", is(1));
        given().auth().oauth2(nurse).contentType(ContentType.JSON)
                .body(Map.of("version", 0, "note", "Patiënt heeft geen recente uitslagen"))
                .post(ITEMS + "/{itemId}/not-needed", id, labs).then().statusCode(200)
                .body("status", is("NOT_NEEDED"))
                .body("notNeededBy", is("nurse.dekker"))
                .body("notNeededAt", notNullValue())
                .body("receivedAt", nullValue())
                .body("note", is("Patiënt heeft geen recente uitslagen"));

        // both are final
        changeItem(nurse, id, letter, "not-needed", 1).statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:dossier-item-closed"));
        changeItem(nurse, id, labs, "received", 1).statusCode(409)
                .body("type", is("urn:consilium:problem:dossier-item-closed"));

        given().auth().oauth2(nurse).get(ITEMS + "/{itemId}", id, letter).then().statusCode(200)
                .body("status", is("RECEIVED")).body("version", is(1));
        given().auth().oauth2(nurse).get(ITEMS, id).then().statusCode(200)
                .body("status", contains("RECEIVED", "NOT_NEEDED", "REQUESTED"));
    }

    @Test
    void theCreatedItemsLocationLeadsToIt() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();
        var created = requestItem(nurse, id, DISCHARGE_LETTER).statusCode(201).extract();
        String location = created.header("Location");
        assertThat(location).endsWith("/api/intake/cases/" + id + "/dossier/items/" + created.path("itemId"));
        given().auth().oauth2(nurse).get(location).then().statusCode(200).body("kind", is("DISCHARGE_LETTER"));
    }

    @Test
    void anIncompleteItemIsRefusedWithTheFieldsToFix() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();
        requestItem(nurse, id, Map.of("kind", "OTHER", "requestedFrom", "PATIENT"))
                .statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:validation-failed"))
                .body("errors.field", hasItem("describedWhenOther"));
        requestItem(nurse, id, Map.of("kind", "DISCHARGE_LETTER"))
                .statusCode(400).body("errors.field", hasItem("requestedFrom"));
        requestItem(nurse, id, Map.of("kind", "X_RAY", "requestedFrom", "PATIENT"))
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(nurse).get(ITEMS, id).then().statusCode(200).body("$", empty());
    }

    @Test
    void unknownCasesAndItemsAreNotFound() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();
        UUID otherCase = claimedCase(nurse).referralId();
        String itemOfOtherCase = requestItem(nurse, otherCase, DISCHARGE_LETTER).statusCode(201).extract().path("itemId");

        given().auth().oauth2(nurse).get(ITEMS, UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", is("urn:consilium:problem:not-found"));
        requestItem(nurse, UUID.randomUUID(), DISCHARGE_LETTER).statusCode(404);
        given().auth().oauth2(nurse).get(ITEMS + "/{itemId}", id, UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(nurse).get(ITEMS + "/{itemId}", id, itemOfOtherCase).then().statusCode(404);
        changeItem(nurse, id, itemOfOtherCase, "received", 0).statusCode(404)
                .body("type", is("urn:consilium:problem:not-found"));
        changeItem(nurse, id, UUID.randomUUID().toString(), "not-needed", 0).statusCode(404);
        given().auth().oauth2(nurse).get(ITEMS + "/{itemId}", id, "not-a-uuid").then().statusCode(404);
        given().auth().oauth2(nurse).get(ITEMS + "/{itemId}", otherCase, itemOfOtherCase).then().statusCode(200)
                .body("status", is("REQUESTED"));
    }

    @Test
    void aStaleVersionInTheBodyOrInIfMatchIsAConflictAndChangesNothing() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();
        String item = requestItem(nurse, id, DISCHARGE_LETTER).statusCode(201).header("ETag", is("\"0\""))
                .extract().path("itemId");
        changeItem(nurse, id, item, "received", 1).statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:concurrent-modification"));
        given().auth().oauth2(nurse).header("If-Match", "\"3\"").contentType(ContentType.JSON).body("{}")
                .post(ITEMS + "/{itemId}/not-needed", id, item)
                .then().statusCode(409).body("type", is("urn:consilium:problem:concurrent-modification"));
        // If-Match goes before the body's version
        given().auth().oauth2(nurse).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(Map.of("version", 0)).post(ITEMS + "/{itemId}/received", id, item)
                .then().statusCode(409).body("type", is("urn:consilium:problem:concurrent-modification"));
        given().auth().oauth2(nurse).header("If-Match", "yesterday").contentType(ContentType.JSON).body("{}")
                .post(ITEMS + "/{itemId}/received", id, item)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:validation-failed"))
                .body("errors.field", hasItem("If-Match"));
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(Map.of("version", -1))
                .post(ITEMS + "/{itemId}/received", id, item)
                .then().statusCode(400).body("errors.field", hasItem("version"));
        given().auth().oauth2(nurse).get(ITEMS + "/{itemId}", id, item).then().statusCode(200)
                .header("ETag", is("\"0\"")).body("status", is("REQUESTED")).body("version", is(0));

        // the current version in If-Match
        given().auth().oauth2(nurse).header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{}")
                .post(ITEMS + "/{itemId}/received", id, item)
                .then().statusCode(200).header("ETag", is("\"1\"")).body("status", is("RECEIVED"));
    }

    @Test
    void aChangeWithoutAVersionIsTakenAsItComes() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();
        String item = requestItem(nurse, id, DISCHARGE_LETTER).statusCode(201).extract().path("itemId");
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(Map.of("note", "Per post ontvangen"))
                .post(ITEMS + "/{itemId}/received", id, item).then().statusCode(200)
                .body("status", is("RECEIVED")).body("note", is("Per post ontvangen"));
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body("{}")
                .post(ITEMS + "/{itemId}/not-needed", id, item).then().statusCode(409)
                .body("type", is("urn:consilium:problem:dossier-item-closed"));
    }

    @Test
    void ofTwoConcurrentChangesOfTheSameVersionOneWinsAndTheOtherIsAConflict() throws Exception {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();
        for (int round = 0; round < 5; round++) {
            String item = requestItem(nurse, id, DISCHARGE_LETTER).statusCode(201).extract().path("itemId");
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> changes = List.of("received", "not-needed").stream()
                    .<Callable<Integer>>map(change -> () -> {
                        start.await();
                        return changeItem(nurse, id, item, change, 0).extract().statusCode();
                    }).toList();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                changes.forEach(c -> answers.add(pool.submit(c)));
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            } finally {
                pool.shutdownNow();
            }
            String status = given().auth().oauth2(nurse).get(ITEMS + "/{itemId}", id, item).then().statusCode(200)
                    .body("version", is(1)).extract().path("status");
            assertThat(status).isIn("RECEIVED", "NOT_NEEDED");
        }
    }

    @Test
    void gpsAndSpecialistsSeeNothingAndCoordinatorsOnlyRead() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();
        String item = requestItem(nurse, id, DISCHARGE_LETTER).statusCode(201).extract().path("itemId");

        for (String outsider : List.of(Tokens.gp(ReferralFixtures.GP_AGB), Tokens.specialist("03123456", "cardiology"))) {
            given().auth().oauth2(outsider).get(ITEMS, id).then().statusCode(403)
                    .contentType("application/problem+json").body("type", is("urn:consilium:problem:forbidden"));
            given().auth().oauth2(outsider).get(ITEMS + "/{itemId}", id, item).then().statusCode(403);
            requestItem(outsider, id, DISCHARGE_LETTER).statusCode(403);
            changeItem(outsider, id, item, "received", 0).statusCode(403);
        }
        String coordinator = Tokens.coordinator();
        given().auth().oauth2(coordinator).get(ITEMS, id).then().statusCode(200).body("itemId", contains(item));
        given().auth().oauth2(coordinator).get(ITEMS + "/{itemId}", id, item).then().statusCode(200);
        requestItem(coordinator, id, DISCHARGE_LETTER).statusCode(403);
        changeItem(coordinator, id, item, "received", 0).statusCode(403);
        given().get(ITEMS, id).then().statusCode(401);

        given().auth().oauth2(nurse).get(ITEMS, id).then().statusCode(200)
                .body("itemId", contains(item)).body("status", contains("REQUESTED"));
    }

    @Test
    void onlyTheNurseHoldingTheClaimChangesTheChecklist() {
        String holder = Tokens.nurse("nurse.holder");
        String colleague = Tokens.nurse("nurse.colleague");
        UUID id = claimedCase(holder).referralId();
        String item = requestItem(holder, id, DISCHARGE_LETTER).statusCode(201).extract().path("itemId");

        requestItem(colleague, id, DISCHARGE_LETTER).statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:intake-claim-required"))
                .body("claimedBy", is("nurse.holder"));
        changeItem(colleague, id, item, "received", 0).statusCode(409)
                .body("type", is("urn:consilium:problem:intake-claim-required"));

        // once the holder releases the claim, the colleague can claim the case and change the checklist
        given().auth().oauth2(holder).delete("/api/intake/cases/{referralId}/claim", id).then().statusCode(204);
        changeItem(holder, id, item, "received", 0).statusCode(409)
                .body("type", is("urn:consilium:problem:intake-claim-required"));
        claim(id, colleague);
        changeItem(colleague, id, item, "received", 0).statusCode(200).body("receivedBy", is("nurse.colleague"));
        given().auth().oauth2(colleague).get(ITEMS, id).then().statusCode(200)
                .body("itemId", contains(item)).body("status", contains("RECEIVED"));
    }

    @Test
    void theChecklistOfACancelledReferralCanBeReadButNotChanged() {
        String nurse = Tokens.nurse();
        ReferralReceived referral = claimedCase(nurse);
        UUID id = referral.referralId();
        String item = requestItem(nurse, id, DISCHARGE_LETTER).statusCode(201).extract().path("itemId");
        intake.cancelCase(ReferralFixtures.cancellation(referral, Instant.parse("2026-11-23T10:00:00Z")));

        requestItem(nurse, id, DISCHARGE_LETTER).statusCode(409)
                .body("type", is("urn:consilium:problem:intake-cancelled"));
        changeItem(nurse, id, item, "received", 0).statusCode(409)
                .body("type", is("urn:consilium:problem:intake-cancelled"));
        given().auth().oauth2(nurse).get(ITEMS, id).then().statusCode(200)
                .body("itemId", contains(item)).body("status", contains("REQUESTED"));
    }

    @Test
    void everyReadListAndChangeIsAuditedWithThePatientAndReferral() {
        String nurse = Tokens.nurse("nurse.audit");
        ReferralReceived referral = claimedCase(nurse);
        UUID id = referral.referralId();
        String item = requestItem(nurse, id, DISCHARGE_LETTER).statusCode(201).extract().path("itemId");
        given().auth().oauth2(nurse).get(ITEMS, id).then().statusCode(200);
        given().auth().oauth2(nurse).get(ITEMS + "/{itemId}", id, item).then().statusCode(200);
        changeItem(nurse, id, item, "received", 0).statusCode(200);
        given().auth().oauth2(Tokens.coordinator()).get(ITEMS, id).then().statusCode(200);

        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action, resource, referral_id, user_subject, outcome from audit_log"
                                + " where patient_id = ?1 and action like 'dossier-item.%' order by occurred_at, action")
                .setParameter(1, referral.patientId()).getResultList());
        assertThat(rows).extracting(r -> r[0]).containsExactly("dossier-item.create", "dossier-item.search",
                "dossier-item.read", "dossier-item.update", "dossier-item.search");
        assertThat(rows).extracting(r -> r[3]).containsExactly("nurse.audit", "nurse.audit", "nurse.audit",
                "nurse.audit", "coordinator");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r[1]).isEqualTo("dossier-item/" + item);
            assertThat(r[2]).isEqualTo(id);
            assertThat(r[4]).isEqualTo("SUCCESS");
        });
    }
}
