package nl.consilium.consult;

import static nl.consilium.consult.Api.WAIT;
import static nl.consilium.consult.Api.addendum;
import static nl.consilium.consult.Api.get;
import static nl.consilium.consult.Api.mulder;
import static nl.consilium.consult.Api.post;
import static nl.consilium.consult.Api.smit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import nl.consilium.consult.ConsultFixtures.Referral;
import nl.consilium.consult.service.ConsultEvents;
import nl.consilium.events.EventType;
import nl.consilium.events.consult.ConsultReportAmended;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The report: only the assigned specialist writes it; signed, it is final, also to the database
 * itself; corrections are signed addenda, announced as {@code ConsultReportAmended}.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
class ReportTest {

    @Inject
    ConsultEvents events;

    @Inject
    EntityManager entityManager;

    private Referral scheduled(boolean patientObjects) {
        Referral referral = Referral.fresh();
        events.recordIntake(referral.intake(patientObjects, "nl", null));
        events.recordBooking(referral.booking());
        return referral;
    }

    @Test
    void aFinalReportCannotChangeNotEvenInTheDatabase() {
        Referral referral = scheduled(false);
        UUID id = referral.referralId();
        Api.throughToSignedReport(smit(), id);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update consult_report set findings = 'changed' where referral_id = ?1")
                .setParameter(1, id).executeUpdate()))
                .hasStackTraceContaining("is final and cannot change");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "delete from consult_report where referral_id = ?1").setParameter(1, id).executeUpdate()))
                .hasStackTraceContaining("is final and cannot change");
        get(smit(), id).statusCode(200).body("report.findings", is(Api.REPORT.get("findings")));
    }

    @Test
    void onlyTheAssignedSpecialistWritesTheReport() {
        Referral referral = scheduled(false);
        UUID id = referral.referralId();
        Api.saveReport(Tokens.nurse(), id, Api.REPORT).statusCode(403);
        Api.saveReport(mulder(), id, Api.REPORT).statusCode(404);
        Api.saveReport(Tokens.coordinator(), id, Api.REPORT).statusCode(403);
        // the same specialist from another token is still that specialist (by AGB code)
        Api.saveReport(Tokens.withRoles("smit-on-another-device", java.util.Map.of("agb", ConsultFixtures.SMIT_AGB),
                Tokens.SPECIALIST), id, Api.REPORT).statusCode(200);
        get(Tokens.coordinator(), id).statusCode(200).body("report.status", is("DRAFT"));
    }

    @Test
    void addendaAreSignedAppendOnlyAndCarryTheLatestObjection() {
        Referral referral = scheduled(false);
        UUID id = referral.referralId();
        Api.throughToSignedReport(smit(), id);
        addendum(smit(), id, "Te vroeg: het consult is nog niet afgerond.").statusCode(409)
                .body("type", is("urn:consilium:problem:no-final-report")).body("currentState", is("IN_PROGRESS"));
        post(smit(), id, "complete").statusCode(200);

        // the patient objects after the report went out: the addenda honour it
        events.changeObjection(referral.objection(true, java.time.Instant.parse("2026-11-26T08:00:00Z")));
        addendum(smit(), id, "Aanvulling 1").statusCode(200);
        addendum(mulder(), id, "Niet van Mulder").statusCode(404);
        addendum(Tokens.nurse(), id, "Niet van de verpleegkundige").statusCode(403);
        addendum(smit(), id, "Aanvulling 2").statusCode(200)
                .body("report.addenda.sequence", contains(1, 2))
                .body("report.addenda.text", contains("Aanvulling 1", "Aanvulling 2"))
                .body("report.status", is("FINAL"));

        var amended = TestKafka.awaitRecords(EventType.CONSULT_REPORT_AMENDED.topic(),
                r -> r.key().equals(id.toString()) && r.value().contains("ConsultReportAmended"), 2, WAIT);
        assertThat(amended).hasSize(2);
        assertThat(TestKafka.events(EventType.CONSULT_REPORT_AMENDED, id.toString(), Duration.ZERO))
                .extracting(e -> e.dataAs(ConsultReportAmended.class))
                .allSatisfy(a -> assertThat(a.patientObjectsToGpReport()).isTrue())
                .extracting(ConsultReportAmended::sequence).containsExactly(1, 2);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update consult_report_addendum set text = 'changed' where referral_id = ?1")
                .setParameter(1, id).executeUpdate()))
                .hasStackTraceContaining("append-only");
    }
}
