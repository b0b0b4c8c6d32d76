package nl.consilium.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The GP's view over HTTP, built from events read from Kafka: every status with the date of each
 * step, reschedules, cancellations of the consult, failed matching, the transmural copy, and two
 * GPs who each see only their own patients.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class GpViewTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static void publish(ReportingFixtures r, Object... data) {
        for (Object event : data) {
            TestKafka.publish(ReportingFixtures.envelope((nl.consilium.events.ConsiliumEvent) event));
        }
    }

    private static void awaitDetail(ReportingFixtures r, String status, String timelineSize) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.gp(r.referrerAgb()))
                .get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200).body("status", is(status)).body("timeline.size()", is(Integer.parseInt(timelineSize))));
    }

    @Test
    void twoGpsEachSeeOnlyTheirOwnReferralsWithTheDateOfEachStep() {
        String gpA = ReportingFixtures.randomGpAgb();
        String gpB = ReportingFixtures.randomGpAgb();
        ReportingFixtures a = ReportingFixtures.referralBy(gpA, Instant.parse("2026-11-16T08:00:00Z"), false);
        ReportingFixtures b = ReportingFixtures.referralBy(gpB, Instant.parse("2026-11-17T08:00:00Z"), true);
        a.lifecycle().forEach(TestKafka::publish);
        b.lifecycle().forEach(TestKafka::publish);
        awaitDetail(a, "REPORT_AVAILABLE", "5");
        awaitDetail(b, "REPORT_WITHHELD", "5");

        String listA = given().auth().oauth2(Tokens.gp(gpA)).get("/api/gp/referrals").then().statusCode(200)
                .body("referralId", contains(a.referralId().toString()))
                .body("[0].status", is("REPORT_AVAILABLE"))
                .body("[0].dates.receivedAt", is(a.receivedAt().toString()))
                .body("[0].dates.intakeCompletedAt", is(a.intakeCompletedAt().toString()))
                .body("[0].dates.plannedAt", is(a.scheduledAt().toString()))
                .body("[0].dates.consultStartsAt", is(a.consultStartsAt().toString()))
                .body("[0].dates.consultedAt", is(a.consultStartsAt().toString()))
                .body("[0].dates.reportedAt", is(a.completedAt().toString()))
                .body("[0].dates.cancelledAt", nullValue())
                .body("[0].report.exists", is(true))
                .body("[0].report.withheld", is(false))
                .extract().asString();
        String listB = given().auth().oauth2(Tokens.gp(gpB)).get("/api/gp/referrals").then().statusCode(200)
                .body("referralId", contains(b.referralId().toString()))
                .body("[0].status", is("REPORT_WITHHELD"))
                .body("[0].report.exists", is(true))
                .body("[0].report.withheld", is(true))
                .body("[0].dates.reportedAt", is(b.completedAt().toString()))
                .extract().asString();
        assertThat(listA).doesNotContain(b.referralId().toString(), b.zdNumber());
        assertThat(listB).doesNotContain(a.referralId().toString(), a.zdNumber(), ReportingFixtures.FINDINGS,
                ReportingFixtures.RECOMMENDATIONS, ReportingFixtures.QUESTION);

        // each GP's referral is not found for the other, in every view
        for (String path : List.of("/api/gp/referrals/{id}", "/api/gp/referrals/{id}/report",
                "/api/gp/referrals/{id}/report/pdf", "/api/gp/referrals/{id}/report/fhir")) {
            given().auth().oauth2(Tokens.gp(gpA)).get(path, b.referralId()).then().statusCode(404)
                    .body("type", is("urn:consilium:problem:not-found"));
            given().auth().oauth2(Tokens.gp(gpB)).get(path, a.referralId()).then().statusCode(404)
                    .body("type", is("urn:consilium:problem:not-found"));
        }
        // the withheld report: the GP sees that it exists and why not, nothing of it
        String detailB = given().auth().oauth2(Tokens.gp(gpB)).get("/api/gp/referrals/{id}", b.referralId())
                .then().statusCode(200)
                .body("timeline.milestone", contains("RECEIVED", "INTAKE_COMPLETED", "CONSULT_SCHEDULED", "CONSULTED",
                        "REPORT_WITHHELD"))
                .extract().asString();
        assertThat(detailB).doesNotContain(ReportingFixtures.FINDINGS, ReportingFixtures.RECOMMENDATIONS,
                ReportingFixtures.QUESTION);
        given().auth().oauth2(Tokens.gp(gpB)).get("/api/gp/referrals/{id}/report", b.referralId())
                .then().statusCode(403).body("type", is("urn:consilium:problem:report-withheld"))
                .body("detail", containsString("patient's request"));
    }

    @Test
    void aRescheduledConsultShowsTheNewSlotAndKeepsTheFirstPlanningDate() {
        ReportingFixtures r = ReportingFixtures.referral();
        var events = r.lifecycle();
        TestKafka.publish(events.get(0));
        TestKafka.publish(events.get(1));
        TestKafka.publish(events.get(2));
        TestKafka.publish(ReportingFixtures.envelope(r.rescheduled("PATIENT"), r.rescheduledAt()));
        awaitDetail(r, "CONSULT_SCHEDULED", "4");

        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("consultStartsAt", is(r.movedStartsAt().toString()))
                .body("specialistName", is(ReportingFixtures.SECOND_SPECIALIST))
                .body("dates.plannedAt", is(r.scheduledAt().toString()))
                .body("dates.consultStartsAt", is(r.movedStartsAt().toString()))
                .body("timeline.milestone", contains("RECEIVED", "INTAKE_COMPLETED", "CONSULT_SCHEDULED",
                        "CONSULT_RESCHEDULED"))
                .body("timeline[3].at", is(r.rescheduledAt().toString()))
                .body("timeline[3].detail", containsString("at the patient's request"))
                .body("timeline[3].detail", containsString(ReportingFixtures.SECOND_SPECIALIST));

        // the consult then takes place at the new slot: that is the consult's date
        Instant completedAt = r.movedStartsAt().plusSeconds(3600);
        TestKafka.publish(ReportingFixtures.envelope(r.completed(completedAt), completedAt));
        awaitDetail(r, "REPORT_AVAILABLE", "6");
        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("dates.consultedAt", is(r.movedStartsAt().toString()))
                .body("timeline.milestone", contains("RECEIVED", "INTAKE_COMPLETED", "CONSULT_SCHEDULED",
                        "CONSULT_RESCHEDULED", "CONSULTED", "REPORT_AVAILABLE"));
    }

    @Test
    void aConsultCancelledByThePatientWaitsForANewSlotUntilItIsBookedAgain() {
        ReportingFixtures r = ReportingFixtures.referral();
        var events = r.lifecycle();
        events.subList(0, 3).forEach(TestKafka::publish);
        TestKafka.publish(ReportingFixtures.envelope(r.consultCancelled("PATIENT"), r.consultCancelledAt()));
        awaitDetail(r, "INTAKE_COMPLETED", "4");
        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("consultStartsAt", nullValue())
                .body("specialistName", nullValue())
                .body("dates.plannedAt", is(r.scheduledAt().toString()))
                .body("timeline.milestone", contains("RECEIVED", "INTAKE_COMPLETED", "CONSULT_SCHEDULED",
                        "CONSULT_CANCELLED"))
                .body("timeline[3].detail", containsString("at the patient's request"))
                .body("timeline[3].detail", not(containsString("verhinderd")));

        TestKafka.publish(ReportingFixtures.envelope(r.rebooked(), r.rebookedAt()));
        awaitDetail(r, "CONSULT_SCHEDULED", "5");
        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("consultStartsAt", is(r.movedStartsAt().toString()))
                .body("specialistName", is(ReportingFixtures.SECOND_SPECIALIST))
                .body("dates.plannedAt", is(r.scheduledAt().toString()))
                .body("timeline.milestone", contains("RECEIVED", "INTAKE_COMPLETED", "CONSULT_SCHEDULED",
                        "CONSULT_CANCELLED", "CONSULT_SCHEDULED"));
    }

    @Test
    void aConsultCancelledBecauseTheReferralWasCancelledShowsCancelled() {
        ReportingFixtures r = ReportingFixtures.referral();
        var events = r.lifecycle();
        events.subList(0, 3).forEach(TestKafka::publish);
        // scheduling's consequence is read before the gateway's cancellation itself
        TestKafka.publish(ReportingFixtures.envelope(r.consultCancelled("REFERRAL_CANCELLED"), r.consultCancelledAt()));
        awaitDetail(r, "CANCELLED", "4");
        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("timeline[3].milestone", is("CONSULT_CANCELLED"))
                .body("timeline[3].detail", containsString("because the referral was cancelled"))
                .body("cancellation", nullValue());

        TestKafka.publish(ReportingFixtures.envelope(r.cancelled(r.consultCancelledAt().minusSeconds(60))));
        awaitDetail(r, "CANCELLED", "5");
        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("cancellation.reasonText", is(ReportingFixtures.CANCELLATION_REASON))
                .body("timeline.milestone", contains("RECEIVED", "INTAKE_COMPLETED", "CONSULT_SCHEDULED", "CANCELLED",
                        "CONSULT_CANCELLED"));
    }

    @Test
    void failedMatchingKeepsTheGpsStatusAtIntakeCompletedUntilACoordinatorBooks() {
        ReportingFixtures r = ReportingFixtures.referral();
        var events = r.lifecycle();
        events.subList(0, 2).forEach(TestKafka::publish);
        TestKafka.publish(ReportingFixtures.envelope(r.matchingFailed(), r.intakeCompletedAt().plusSeconds(5)));
        // the failure is kept for the organisation (InsightTest counts it); the GP sees no change
        await().atMost(WAIT).untilAsserted(() -> assertThat(Boolean.TRUE).isEqualTo(
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                        nl.consilium.reporting.domain.ReferralOverview.<nl.consilium.reporting.domain.ReferralOverview>
                                findByIdOptional(r.referralId())
                                .map(o -> o.awaitingManualPlanning() && o.referrerAgb() != null).orElse(false))));
        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("status", is("INTAKE_COMPLETED"))
                .body("timeline.milestone", contains("RECEIVED", "INTAKE_COMPLETED"));

        TestKafka.publish(ReportingFixtures.envelope(r.rebooked(), r.rebookedAt()));
        awaitDetail(r, "CONSULT_SCHEDULED", "3");
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                nl.consilium.reporting.domain.ReferralOverview.<nl.consilium.reporting.domain.ReferralOverview>
                        findById(r.referralId()).awaitingManualPlanning())).isFalse();
    }

    @Test
    void theLatestStatementOfTheObjectionIsInForceAndALiftedObjectionReleasesTheReport() {
        ReportingFixtures r = ReportingFixtures.referral();
        String gp = Tokens.gp(r.referrerAgb());
        r.lifecycle().forEach(TestKafka::publish);
        awaitDetail(r, "REPORT_AVAILABLE", "5");

        // the patient objects after all (recorded by the nurse after the report was final)
        Instant objected = r.completedAt().plusSeconds(3600);
        TestKafka.publish(ReportingFixtures.envelope(r.objectionChanged(true, objected), objected));
        awaitDetail(r, "REPORT_WITHHELD", "5");
        for (String path : List.of("/api/gp/referrals/{id}/report", "/api/gp/referrals/{id}/report/pdf",
                "/api/gp/referrals/{id}/report/fhir")) {
            given().auth().oauth2(gp).get(path, r.referralId()).then().statusCode(403)
                    .body("type", is("urn:consilium:problem:report-withheld"));
        }
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}", r.referralId()).then().statusCode(200)
                .body("report.exists", is(true)).body("report.withheld", is(true));

        // ... and lifts the objection again: the latest statement counts
        Instant lifted = objected.plusSeconds(3600);
        TestKafka.publish(ReportingFixtures.envelope(r.objectionChanged(false, lifted), lifted));
        awaitDetail(r, "REPORT_AVAILABLE", "5");
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}/report", r.referralId()).then().statusCode(200)
                .body("findings", is(ReportingFixtures.FINDINGS));
    }

    @Test
    void consultsCopyOfAnObjectionWithholdsTheReportBeforeIntakesTopicIsRead() {
        ReportingFixtures r = ReportingFixtures.referral().objecting();
        var events = r.lifecycle();
        // the referral and the consult's report (objection as consult knew it); intake's topic not read yet
        TestKafka.publish(events.get(0));
        TestKafka.publish(events.get(3));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.gp(r.referrerAgb()))
                .get("/api/gp/referrals/{id}", r.referralId()).then().statusCode(200)
                .body("status", is("REPORT_WITHHELD")));
        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/gp/referrals/{id}/report", r.referralId())
                .then().statusCode(403);
    }

    @Test
    void aNoShowTakesTheReferralBackToAwaitingANewSlot() {
        ReportingFixtures r = ReportingFixtures.referral();
        r.lifecycle().subList(0, 3).forEach(TestKafka::publish);
        TestKafka.publish(ReportingFixtures.envelope(r.noShow(), r.noShowAt()));
        awaitDetail(r, "INTAKE_COMPLETED", "4");
        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("consultStartsAt", nullValue())
                .body("timeline[3].milestone", is("CONSULT_NO_SHOW"))
                .body("timeline[3].at", is(r.noShowAt().toString()))
                .body("timeline[3].detail", containsString("did not show up"));
        TestKafka.publish(ReportingFixtures.envelope(r.rebooked(), r.rebookedAt()));
        awaitDetail(r, "CONSULT_SCHEDULED", "5");
    }

    @Test
    void theTransmuralCopyToTheFirstSpecialistIsShownRequiredAndConfirmedOnceIntakeSaysSo() {
        ReportingFixtures row3 = ReportingFixtures.referral();
        publish(row3, row3.received(), row3.questionnaire(true), row3.letterReceived());
        awaitDetail(row3, "RECEIVED", "3");
        given().auth().oauth2(Tokens.gp(row3.referrerAgb())).get("/api/gp/referrals/{id}", row3.referralId())
                .then().statusCode(200)
                .body("transmuralCopy.required", is(true))
                .body("transmuralCopy", hasKey("confirmed"))
                .body("transmuralCopy.confirmed", nullValue())
                .body("transmuralCopy.situation", is("3"))
                .body("timeline.milestone", contains("RECEIVED", "COPY_TO_FIRST_SPECIALIST_REQUIRED",
                        "REFERRAL_LETTER_RECEIVED"))
                .body("timeline[1].detail", is("confirmation not known yet"));
        given().auth().oauth2(Tokens.gp(row3.referrerAgb())).get("/api/gp/referrals").then().statusCode(200)
                .body("find { it.referralId == '" + row3.referralId() + "' }.transmuralCopy.required", is(true));

        // The intake nurse confirms the copy was sent.
        publish(row3, row3.intakeCompleted(true));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.gp(row3.referrerAgb()))
                .get("/api/gp/referrals/{id}", row3.referralId()).then().statusCode(200)
                .body("transmuralCopy.confirmed", is(true))
                .body("timeline.find { it.milestone == 'COPY_TO_FIRST_SPECIALIST_REQUIRED' }.detail",
                        is("confirmed at intake")));

        ReportingFixtures row2c = ReportingFixtures.referral();
        publish(row2c, row2c.received(), row2c.questionnaire(false));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.gp(row2c.referrerAgb()))
                .get("/api/gp/referrals/{id}", row2c.referralId())
                .then().statusCode(200).body("transmuralCopy.required", is(false))
                .body("timeline.milestone", contains("RECEIVED")));

        ReportingFixtures none = ReportingFixtures.referral();
        publish(none, none.received());
        awaitDetail(none, "RECEIVED", "1");
        given().auth().oauth2(Tokens.gp(none.referrerAgb())).get("/api/gp/referrals/{id}", none.referralId())
                .then().statusCode(200).body("transmuralCopy", nullValue());
    }
}
