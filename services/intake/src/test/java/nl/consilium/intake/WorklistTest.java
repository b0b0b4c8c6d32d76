package nl.consilium.intake;

import static io.restassured.RestAssured.given;
import static nl.consilium.intake.IntakeFlow.CASES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.intake.service.IntakeService;
import nl.consilium.intake.service.OverdueDetection;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The worklist: most urgent first, filtered by status, overdue and "assigned to me", paged; audited as
 * a search. Each test works with cases claimed by a nurse of its own, so "assignedTo=me" isolates them
 * from the other tests' cases in the shared database.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class WorklistTest {

    @Inject
    IntakeService intake;

    @Inject
    OverdueDetection overdue;

    @Inject
    EntityManager entityManager;

    private static String uniqueNurse() {
        return "nurse.worklist-" + UUID.randomUUID();
    }

    /** A case that arrived at {@code receivedAt}, claimed by the nurse behind {@code token}. */
    private UUID claimedCase(String token, Instant receivedAt) {
        ReferralReceived referral = ReferralFixtures.referral(receivedAt);
        intake.openCase(referral);
        IntakeFlow.claim(token, referral.referralId()).statusCode(200);
        return referral.referralId();
    }

    @Test
    void theMostUrgentComeFirstAndOverdueCasesBeforeAll() {
        String name = uniqueNurse();
        String nurse = Tokens.nurse(name);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID later = claimedCase(nurse, now.minus(Duration.ofHours(1)));
        UUID overdueCase = claimedCase(nurse, now.minus(Duration.ofDays(3)));
        UUID sooner = claimedCase(nurse, now.minus(Duration.ofHours(5)));
        overdue.run();

        given().auth().oauth2(nurse).queryParam("assignedTo", "me").get(CASES)
                .then().statusCode(200)
                .body("items.referralId", is(List.of(overdueCase.toString(), sooner.toString(), later.toString())))
                .body("items[0].overdue", is(true))
                .body("items[1].overdue", is(false))
                .body("items.claimedBy", is(List.of(name, name, name)))
                .body("items[1].intakeDueAt", is(now.minus(Duration.ofHours(5)).plus(Duration.ofHours(24)).toString()))
                .body("items[1].patientName", is("P. Testpatiënt"))
                .body("items[1].treatingSpecialty", is("cardiology"))
                .body("items[1].status", is("OPEN"))
                .body("totalItems", is(3));

        given().auth().oauth2(nurse).queryParam("assignedTo", "me").queryParam("overdue", "true").get(CASES)
                .then().statusCode(200).body("items.referralId", is(List.of(overdueCase.toString())));
        given().auth().oauth2(nurse).queryParam("assignedTo", "me").queryParam("overdue", "false").get(CASES)
                .then().statusCode(200).body("items.referralId", is(List.of(sooner.toString(), later.toString())));
    }

    @Test
    void theDefaultListsOpenCasesAndStatusesCanBeChosen() {
        String nurse = Tokens.nurse(uniqueNurse());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID open = claimedCase(nurse, now);
        UUID suitable = claimedCase(nurse, now.minusSeconds(60));
        IntakeFlow.decideSuitable(nurse, suitable);
        UUID unsuitable = claimedCase(nurse, now.minusSeconds(120));
        IntakeFlow.decide(nurse, unsuitable, java.util.Map.of("suitable", false, "rejectionReason", "PATIENT_WITHDREW"))
                .statusCode(200);

        given().auth().oauth2(nurse).queryParam("assignedTo", "me").get(CASES).then().statusCode(200)
                .body("items.referralId", is(List.of(open.toString())));
        given().auth().oauth2(nurse).queryParam("assignedTo", "me").queryParam("status", "SUITABLE").get(CASES)
                .then().statusCode(200).body("items.referralId", is(List.of(suitable.toString())));
        given().auth().oauth2(nurse).queryParam("assignedTo", "me").queryParam("status", "SUITABLE", "UNSUITABLE")
                .get(CASES).then().statusCode(200)
                .body("items.referralId", is(List.of(unsuitable.toString(), suitable.toString())));
        given().auth().oauth2(nurse).queryParam("assignedTo", "me").queryParam("status", "open,suitable")
                .get(CASES).then().statusCode(200).body("totalItems", is(2));
    }

    @Test
    void assignedToMeListsOnlyTheCallersClaimsAndEveryoneSeesAllWithoutIt() {
        String mine = Tokens.nurse(uniqueNurse());
        String theirs = Tokens.nurse(uniqueNurse());
        UUID myCase = claimedCase(mine, Instant.now());
        UUID theirCase = claimedCase(theirs, Instant.now());

        given().auth().oauth2(mine).queryParam("assignedTo", "me").get(CASES).then().statusCode(200)
                .body("items.referralId", is(List.of(myCase.toString())));
        given().auth().oauth2(Tokens.coordinator()).queryParam("assignedTo", "me").get(CASES).then().statusCode(200)
                .body("items.referralId", not(hasItem(theirCase.toString())));
        // without the filter the worklist shows everyone's open cases; ask for a large page to find them
        long total = given().auth().oauth2(Tokens.coordinator()).get(CASES).then().statusCode(200)
                .extract().<Integer>path("totalItems");
        assertThat(total).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theWorklistIsPaged() {
        String nurse = Tokens.nurse(uniqueNurse());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID first = claimedCase(nurse, now.minusSeconds(300));
        UUID second = claimedCase(nurse, now.minusSeconds(200));
        UUID third = claimedCase(nurse, now.minusSeconds(100));

        given().auth().oauth2(nurse).queryParam("assignedTo", "me").queryParam("size", 2).get(CASES)
                .then().statusCode(200)
                .body("items.referralId", is(List.of(first.toString(), second.toString())))
                .body("page", is(0))
                .body("size", is(2))
                .body("totalItems", is(3))
                .body("totalPages", is(2));
        given().auth().oauth2(nurse).queryParam("assignedTo", "me").queryParam("size", 2).queryParam("page", 1)
                .get(CASES).then().statusCode(200)
                .body("items.referralId", is(List.of(third.toString())))
                .body("page", is(1));
        given().auth().oauth2(nurse).queryParam("assignedTo", "me").queryParam("size", 2).queryParam("page", 5)
                .get(CASES).then().statusCode(200).body("items.size()", is(0)).body("totalItems", is(3));
    }

    @Test
    void badFiltersAreRefusedByName() {
        String nurse = Tokens.nurse();
        for (String[] bad : List.of(new String[] {"status", "MAYBE"}, new String[] {"overdue", "perhaps"},
                new String[] {"assignedTo", "you"}, new String[] {"page", "-1"}, new String[] {"size", "0"},
                new String[] {"size", "101"}, new String[] {"size", "many"})) {
            given().auth().oauth2(nurse).queryParam(bad[0], bad[1]).get(CASES)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", is("urn:consilium:problem:validation-failed"))
                    .body("errors.field", hasItem(bad[0]));
        }
    }

    @Test
    void everyCaseShownIsAuditedAsASearch() {
        String nurse = Tokens.nurse(uniqueNurse());
        ReferralReceived referral = ReferralFixtures.referral();
        intake.openCase(referral);
        IntakeFlow.claim(nurse, referral.referralId()).statusCode(200);
        given().auth().oauth2(nurse).queryParam("assignedTo", "me").get(CASES).then().statusCode(200);
        assertThat(IntakeFlow.auditActions(entityManager, referral.patientId()))
                .containsExactly("intake-claim.create", "intake-case.search");
    }
}
