package nl.consilium.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.local.demo.ReferralWalkthrough.ApiResponse;
import nl.consilium.local.demo.ReferralWalkthrough.IntakeDecision;
import nl.consilium.local.demo.ReferralWalkthrough.ReportDraft;
import org.junit.jupiter.api.Test;

/** The pure parts of the walkthrough: no HTTP. */
class WalkthroughPartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void referralIdComesFromTheLocationHeader() {
        String id = "5b0e7c9e-0c1a-4f7e-9a57-3c2d1e0f9a11";
        assertThat(ReferralWalkthrough.referralIdFromLocation("/api/referrals/" + id)).hasValue(id);
        assertThat(ReferralWalkthrough.referralIdFromLocation("http://localhost:18081/api/referrals/" + id))
                .hasValue(id);
        assertThat(ReferralWalkthrough.referralIdFromLocation("/api/referrals/" + id + "/")).hasValue(id);
        assertThat(ReferralWalkthrough.referralIdFromLocation("/fhir/Bundle/" + id)).isEmpty();
        assertThat(ReferralWalkthrough.referralIdFromLocation("/api/referrals/")).isEmpty();
        assertThat(ReferralWalkthrough.referralIdFromLocation(null)).isEmpty();
    }

    @Test
    void theSuitableIntakeRecordHasTheDocumentedFields() {
        IntakeDecision decision = IntakeDecision.doubtAboutTreatment();
        JsonNode json = decision.intakeRecordJson();
        assertThat(json.path("clarifiedQuestion").asText()).isNotBlank();
        assertThat(json.path("reasons").toString()).isEqualTo("[\"TREATMENT_OPTIONS\"]");
        assertThat(json.path("preferredLanguage").asText()).isEqualTo("nl");
        assertThat(json.path("availability").size()).isEqualTo(5);
        assertThat(json.path("availability").get(0).toString())
                .isEqualTo("{\"day\":\"MONDAY\",\"from\":\"09:00\",\"to\":\"17:00\"}");
        assertThat(json.path("availability").get(4).path("day").asText()).isEqualTo("FRIDAY");
        assertThat(json.path("patientObjectsToGpReport").isBoolean()).isTrue();
        assertThat(json.path("patientObjectsToGpReport").asBoolean()).isFalse();
        assertThat(json.has("suitable")).isFalse();
        assertThat(decision.callOutcome()).isEqualTo("REACHED");

        JsonNode decided = decision.decisionJson(3L);
        assertThat(decided.toString()).isEqualTo("{\"suitable\":true,\"version\":3}");
        assertThat(decision.decisionJson(null).toString()).isEqualTo("{\"suitable\":true}");

        JsonNode objecting = IntakeDecision.suitableWith("q", IntakeReason.DIAGNOSIS_DOUBT,
                IntakeReason.UNEXPLAINED_COMPLAINTS).objectingToGpReport().intakeRecordJson();
        assertThat(objecting.path("patientObjectsToGpReport").asBoolean()).isTrue();
        assertThat(objecting.path("reasons").toString()).isEqualTo("[\"DIAGNOSIS_DOUBT\",\"UNEXPLAINED_COMPLAINTS\"]");
    }

    @Test
    void anUnsuitableDecisionCarriesItsReasonAndExplanation() {
        IntakeDecision unreachable = IntakeDecision.notSuitable(RejectionReason.PATIENT_UNREACHABLE, "Drie keer gebeld");
        assertThat(unreachable.suitable()).isFalse();
        assertThat(unreachable.callOutcome()).isEqualTo("NOT_REACHED");
        assertThat(unreachable.decisionJson(null).toString()).isEqualTo(
                "{\"suitable\":false,\"rejectionReason\":\"PATIENT_UNREACHABLE\",\"explanation\":\"Drie keer gebeld\"}");
        assertThat(IntakeDecision.notSuitable(RejectionReason.PATIENT_WITHDREW, null).callOutcome()).isEqualTo("REACHED");
        assertThat(ReferralWalkthrough.intakeCasePath("abc")).isEqualTo("/api/intake/cases/abc");
    }

    @Test
    void theReportDraftHasTheDocumentedFields() {
        JsonNode json = ReportDraft.confirmsPolicy().toJson();
        assertThat(json.path("conclusion").asText()).isEqualTo("CONFIRMS_POLICY");
        assertThat(json.path("findings").asText()).isNotBlank();
        assertThat(json.path("recommendations").asText()).isNotBlank();
        assertThat(new ReportDraft("f", Conclusion.DIFFERENT_INSIGHT, "r").toJson().path("conclusion").asText())
                .isEqualTo("DIFFERENT_INSIGHT");
    }

    @Test
    void anAppointmentIsReadFromSchedulingsJson() throws Exception {
        Appointment a = Appointment.fromJson(JSON.readTree("""
                {"referralId":"x","specialistAgb":"03111111","specialistName":"Jeroen Smit",
                 "startsAt":"2026-05-12T07:00:00Z","endsAt":"2026-05-12T07:30:00Z"}"""));
        assertThat(a.specialistAgb()).isEqualTo("03111111");
        assertThat(a.specialistName()).isEqualTo("Jeroen Smit");
        assertThat(a.startsAt()).isEqualTo(Instant.parse("2026-05-12T07:00:00Z"));
        assertThat(a.startsAtDisplay()).isEqualTo("Tue 12 May 2026 09:00");

        assertThat(Appointment.parseInstant("2026-05-12T09:00:00+02:00")).isEqualTo(a.startsAt());
        assertThat(Appointment.parseInstant("2026-05-12T09:00:00")).isEqualTo(a.startsAt());
        assertThatThrownBy(() -> Appointment.fromJson(JSON.readTree("{\"specialistAgb\":\"03111111\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("specialistName");
        assertThatThrownBy(() -> Appointment.parseInstant("tomorrow")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAnswerDescribesItselfWithStatusTypeAndBody() {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of("application/problem+json")), (a, b) -> true);
        ApiResponse conflict = new ApiResponse(409, headers,
                "{\"type\":\"urn:consilium:problem:decision-exists\",\"title\":\"Conflict\",\"status\":409}");
        assertThat(conflict.isSuccess()).isFalse();
        assertThat(conflict.problemType()).hasValue("urn:consilium:problem:decision-exists");
        assertThat(conflict.describe()).startsWith("HTTP 409 application/problem+json {\"type\"");

        ApiResponse empty = new ApiResponse(204, HttpHeaders.of(Map.of(), (a, b) -> true), "");
        assertThat(empty.isSuccess()).isTrue();
        assertThat(empty.json().isMissingNode()).isTrue();
        assertThat(empty.describe()).isEqualTo("HTTP 204 (no body)");

        assertThat(ReferralWalkthrough.shorten("x".repeat(5000))).hasSize(2003);
    }

    @Test
    void timelineRecordsAndRendersSteps() {
        Timeline timeline = new Timeline();
        timeline.referral("5b0e7c9e-0c1a-4f7e-9a57-3c2d1e0f9a11", "ZD123456789");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StepListener listener = StepListener.printingTo(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

        listener.stepDone(timeline, timeline.record(ReferralWalkthrough.STEP_SUBMITTED, "ZD123456789 -> referral"));
        listener.stepDone(timeline, timeline.record(ReferralWalkthrough.STEP_CONSULT_BOOKED, "Jeroen Smit"));

        assertThat(timeline.steps()).extracting(Timeline.Step::name)
                .containsExactly("submitted", "consult booked");
        assertThat(timeline.step("consult booked")).hasValueSatisfying(s -> assertThat(s.detail()).isEqualTo("Jeroen Smit"));
        assertThat(timeline.steps().get(1).elapsedMillis()).isGreaterThanOrEqualTo(timeline.steps().get(0).elapsedMillis());
        assertThat(timeline.render()).contains("ZD123456789", "submitted", "consult booked", "Jeroen Smit", "total");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("[5b0e7c9e] +").contains("consult booked");
        assertThat(ReferralWalkthrough.STEPS).hasSize(12).startsWith("submitted", "intake case open", "intake claimed",
                "patient called", "intake recorded", "intake decided").endsWith("GP status");
    }

    @Test
    void aFailureNamesItsStepAndKeepsTheTimeline() {
        Timeline timeline = new Timeline();
        WalkthroughException plain = new WalkthroughException(null, "Keycloak refused a token");
        WalkthroughException inStep = plain.within(ReferralWalkthrough.STEP_CONSULT_ASSIGNED, timeline);

        assertThat(inStep.step()).isEqualTo("consult assigned");
        assertThat(inStep.getMessage()).isEqualTo("consult assigned: Keycloak refused a token");
        assertThat(inStep.reason()).isEqualTo("Keycloak refused a token");
        assertThat(inStep.timeline()).isSameAs(timeline);
        // a step already named stays
        assertThat(new WalkthroughException("intake case open", "timed out").within("other", timeline).step())
                .isEqualTo("intake case open");
    }

    @Test
    void tokensAreRenewedBeforeTheyExpire() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(KeycloakTokens.renewAt(t, Duration.ofSeconds(900))).isEqualTo(t.plusSeconds(870));
        assertThat(KeycloakTokens.renewAt(t, Duration.ofSeconds(20))).isEqualTo(t.plusSeconds(10));
    }

    @Test
    void configComesFromTheEnvironmentWithLocalDefaults() {
        WalkthroughConfig defaults = WalkthroughConfig.localDefaults();
        assertThat(defaults.gatewayUrl()).isEqualTo(URI.create("http://localhost:18081"));
        assertThat(defaults.intakeUrl()).isEqualTo(URI.create("http://localhost:18082"));
        assertThat(defaults.schedulingUrl()).isEqualTo(URI.create("http://localhost:18083"));
        assertThat(defaults.consultUrl()).isEqualTo(URI.create("http://localhost:18084"));
        assertThat(defaults.reportingUrl()).isEqualTo(URI.create("http://localhost:18085"));
        assertThat(defaults.keycloakUrl()).isEqualTo(URI.create("http://localhost:18180"));
        assertThat(defaults.realm()).isEqualTo("consilium");
        assertThat(defaults.pollTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.listener()).isSameAs(StepListener.SILENT);

        WalkthroughConfig custom = WalkthroughConfig.fromEnvironment(Map.of(
                "CONSILIUM_GATEWAY_URL", "http://localhost:28081/",
                "CONSILIUM_REPORTING_URL", "http://127.0.0.1:28085",
                "CONSILIUM_KEYCLOAK_URL", "http://localhost:28180"))
                .withPollTimeout(Duration.ofSeconds(5));
        assertThat(custom.gatewayUrl()).isEqualTo(URI.create("http://localhost:28081"));
        assertThat(custom.reportingUrl()).isEqualTo(URI.create("http://127.0.0.1:28085"));
        assertThat(custom.keycloakUrl()).isEqualTo(URI.create("http://localhost:28180"));
        assertThat(custom.intakeUrl()).isEqualTo(URI.create("http://localhost:18082"));
        assertThat(custom.pollTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ReferralWalkthrough.uri(custom.gatewayUrl(), "/fhir/Bundle"))
                .isEqualTo(URI.create("http://localhost:28081/fhir/Bundle"));
        assertThat(new KeycloakTokens(custom.keycloakUrl()).tokenEndpoint())
                .isEqualTo(URI.create("http://localhost:28180/realms/consilium/protocol/openid-connect/token"));
    }

    @Test
    void demoOptionsAreParsed() {
        Demo.Options o = Demo.Options.parse(new String[] {"--specialty", "orthopaedics", "--hospital", "Ziekenhuis X",
                "--gp", "gp.devries", "--timeout", "90"});
        assertThat(o.specialty).isEqualTo("orthopaedics");
        assertThat(o.hospital).isEqualTo("Ziekenhuis X");
        assertThat(o.gp).isEqualTo("gp.devries");
        assertThat(o.timeout).isEqualTo(Duration.ofSeconds(90));
        assertThat(Demo.Options.parse(new String[0]).gp).isEqualTo("gp.jansen");
        assertThatThrownBy(() -> Demo.Options.parse(new String[] {"--timeout"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Demo.Options.parse(new String[] {"--bogus"})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void demoRefusesBadArgumentsWithExitCodeTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Demo.run(new String[] {"--gp", "nurse.bakker"}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nurse.bakker is not a GP");
        assertThat(Demo.run(new String[] {"--help"}, Map.of(), new PrintStream(out), new PrintStream(err))).isZero();
    }
}
