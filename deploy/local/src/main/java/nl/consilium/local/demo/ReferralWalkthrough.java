package nl.consilium.local.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.intake.AvailabilityWindow;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.local.demo.DemoUsers.DemoUser;

/**
 * Walks one referral through the whole platform over the services' HTTP APIs (docs/api.md), as the
 * people involved would:
 * <ol>
 *   <li>ZorgDomein (client {@code zorgdomein-simulator}) posts the document Bundle to the gateway's
 *       {@code POST /fhir/Bundle}; the referral id comes from {@code Location: /api/referrals/{id}};</li>
 *   <li>nurse.bakker waits for the case on {@code GET /api/intake/cases/{id}}, claims it
 *       ({@code POST .../claim}), records the call that reached the patient ({@code POST .../call-attempts}),
 *       saves the intake record ({@code PUT .../intake}: question, reasons, language, availability,
 *       objection) and decides ({@code POST .../decision}, with the version the save answered);</li>
 *   <li>coordinator.peters waits for the booking on {@code GET /api/appointments/{id}};</li>
 *   <li>the booked specialist (by AGB, {@link DemoUsers}) waits for {@code GET /api/consults/{id}},
 *       confirms the dossier read ({@code POST .../dossier-read}), starts the video consult
 *       ({@code POST .../start}), saves the report ({@code PUT .../report}), signs it
 *       ({@code POST .../report/finalise}) and completes the consult ({@code POST .../complete});</li>
 *   <li>the referring GP waits for {@code GET /api/gp/referrals/{id}/report}, checks the conclusion,
 *       and reads the status on {@code GET /api/gp/referrals/{id}}.</li>
 * </ol>
 * Each step is recorded in a {@link Timeline} and reported to the config's {@link StepListener} as it
 * happens. Polls accept 404 while waiting and give up after the config's poll timeout; connection
 * errors while polling (a service restarting) also count as "not yet". Any other non-2xx answer fails
 * at once with a {@link WalkthroughException} that shows the status and the problem+json body.
 *
 * <p>The steps are public on their own ({@link #submit}, {@link #awaitIntakeCase}, {@link #claim},
 * {@link #recordCall}, {@link #saveIntake}, {@link #postDecision}, {@link #decide} (the four intake steps
 * at once), {@link #awaitAppointment}, {@link #awaitConsult}, {@link #saveReport}, {@link #finaliseReport},
 * {@link #awaitReport}, {@link #gpReferral}) so a system test can drive many referrals, or vary one.
 * Thread-safe: one instance can walk several referrals at once.
 */
public final class ReferralWalkthrough {

    public static final String STEP_SUBMITTED = "submitted";
    public static final String STEP_INTAKE_CASE_OPEN = "intake case open";
    public static final String STEP_INTAKE_CLAIMED = "intake claimed";
    public static final String STEP_PATIENT_CALLED = "patient called";
    public static final String STEP_INTAKE_RECORDED = "intake recorded";
    public static final String STEP_INTAKE_DECIDED = "intake decided";
    public static final String STEP_CONSULT_BOOKED = "consult booked";
    public static final String STEP_CONSULT_ASSIGNED = "consult assigned";
    public static final String STEP_REPORT_DRAFTED = "report drafted";
    public static final String STEP_REPORT_FINALISED = "report finalised";
    public static final String STEP_REPORT_AT_GP = "report at GP";
    public static final String STEP_GP_STATUS = "GP status";

    /** Every step of {@link #walk}, in order. */
    public static final List<String> STEPS = List.of(STEP_SUBMITTED, STEP_INTAKE_CASE_OPEN, STEP_INTAKE_CLAIMED,
            STEP_PATIENT_CALLED, STEP_INTAKE_RECORDED, STEP_INTAKE_DECIDED, STEP_CONSULT_BOOKED, STEP_CONSULT_ASSIGNED, STEP_REPORT_DRAFTED, STEP_REPORT_FINALISED,
            STEP_REPORT_AT_GP, STEP_GP_STATUS);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_BODY_SHOWN = 2000;
    private static final Pattern LOCATION = Pattern.compile(".*/api/referrals/([^/?#]+)/?(?:[?#].*)?");
    private static final String FHIR_JSON = "application/fhir+json";
    private static final String APPLICATION_JSON = "application/json";

    // --- request and answer types ---------------------------------------------------------------

    /** An HTTP answer: status, headers and body text. */
    public record ApiResponse(int status, HttpHeaders headers, String body) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The body as JSON; a missing node when empty. */
        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return JSON.missingNode();
            }
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the answer is not JSON: " + shorten(body), e);
            }
        }

        /** {@code type} of a problem+json body, if it is one. */
        public Optional<String> problemType() {
            try {
                return Optional.ofNullable(json().path("type").asText(null));
            } catch (IllegalStateException notJson) {
                return Optional.empty();
            }
        }

        /** {@code HTTP 409 application/problem+json {...}}, the body cut at 2000 characters. */
        public String describe() {
            String type = header("Content-Type").orElse("");
            return "HTTP " + status + (type.isEmpty() ? "" : " " + type)
                    + (body == null || body.isBlank() ? " (no body)" : " " + shorten(body));
        }
    }

    /**
     * What the nurse found in the telephone intake and decided: the intake record
     * ({@code PUT /api/intake/cases/{id}/intake}: clarified question, reasons, preferred language,
     * availability, the patient's objection to the report going to the GP) and the decision
     * ({@code POST /api/intake/cases/{id}/decision}: suitable, or not with a reason from the fixed list
     * and an explanation).
     */
    public record IntakeDecision(boolean suitable, String clarifiedQuestion, List<IntakeReason> reasons,
            String preferredLanguage, List<AvailabilityWindow> availability, boolean patientObjectsToGpReport,
            RejectionReason rejectionReason, String explanation) {

        /**
         * Every weekday from 09:00 to 17:00: a patient who can take the call any working day, so that the
         * demo's booking does not depend on the specialists' agendas.
         */
        public static final List<AvailabilityWindow> WEEKDAY_WINDOWS = java.util.stream.Stream.of(DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .map(day -> new AvailabilityWindow(day, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList();

        public IntakeDecision {
            reasons = List.copyOf(reasons);
            availability = List.copyOf(availability);
        }

        /**
         * Suitable: the patient doubts the proposed treatment (reason TREATMENT_OPTIONS), speaks Dutch,
         * can take the call on any weekday from 09:00 to 17:00, and does not object to the GP report.
         */
        public static IntakeDecision doubtAboutTreatment() {
            return suitableWith("Is de voorgestelde behandeling de beste keuze, of is een afwachtend beleid met"
                    + " medicatie even verantwoord?", IntakeReason.TREATMENT_OPTIONS);
        }

        /** Suitable with this question and these reasons; Dutch, {@link #WEEKDAY_WINDOWS}, no objection. */
        public static IntakeDecision suitableWith(String clarifiedQuestion, IntakeReason... reasons) {
            return new IntakeDecision(true, clarifiedQuestion, List.of(reasons), "nl", WEEKDAY_WINDOWS, false, null,
                    null);
        }

        /** Not suitable, for this reason; nothing recorded but the decision. */
        public static IntakeDecision notSuitable(RejectionReason reason, String explanation) {
            return new IntakeDecision(false, null, List.of(), null, List.of(), false, Objects.requireNonNull(reason),
                    explanation);
        }

        /** The same decision with the patient objecting to the report going to the GP. */
        public IntakeDecision objectingToGpReport() {
            return new IntakeDecision(suitable, clarifiedQuestion, reasons, preferredLanguage, availability, true,
                    rejectionReason, explanation);
        }

        /** How the call went that this intake needs: reached, unless the patient could not be reached. */
        public String callOutcome() {
            return rejectionReason == RejectionReason.PATIENT_UNREACHABLE ? "NOT_REACHED" : "REACHED";
        }

        /** The intake record's JSON; fields without a value are left out (the case keeps what it has). */
        public ObjectNode intakeRecordJson() {
            ObjectNode node = JSON.createObjectNode();
            if (clarifiedQuestion != null) {
                node.put("clarifiedQuestion", clarifiedQuestion);
            }
            if (!reasons.isEmpty()) {
                var reasonArray = node.putArray("reasons");
                reasons.forEach(r -> reasonArray.add(r.name()));
            }
            if (preferredLanguage != null) {
                node.put("preferredLanguage", preferredLanguage);
            }
            if (!availability.isEmpty()) {
                var windows = node.putArray("availability");
                availability.forEach(w -> windows.addObject().put("day", w.day().name())
                        .put("from", w.from().toString()).put("to", w.to().toString()));
            }
            node.put("patientObjectsToGpReport", patientObjectsToGpReport);
            return node;
        }

        /** The decision's JSON; {@code version} (null: left out) is the case version the nurse saw. */
        public ObjectNode decisionJson(Long version) {
            ObjectNode node = JSON.createObjectNode();
            node.put("suitable", suitable);
            if (!suitable) {
                node.put("rejectionReason", rejectionReason == null ? null : rejectionReason.name());
                if (explanation != null) {
                    node.put("explanation", explanation);
                }
            }
            if (version != null) {
                node.put("version", version);
            }
            return node;
        }
    }

    /** The specialist's report: {@code PUT /api/consults/{id}/report}. */
    public record ReportDraft(String findings, Conclusion conclusion, String recommendations) {

        public ReportDraft {
            Objects.requireNonNull(conclusion, "conclusion");
        }

        /** A report that confirms the treating doctor's policy. */
        public static ReportDraft confirmsPolicy() {
            return new ReportDraft(
                    "Dossier van het behandelend ziekenhuis vooraf bestudeerd; beeldbelconsult gehouden. De"
                            + " diagnose en de onderzoeksresultaten zijn consistent.",
                    Conclusion.CONFIRMS_POLICY,
                    "Het voorgestelde beleid van de behandelend specialist volgen; bij nieuwe klachten"
                            + " contact opnemen met de huisarts.");
        }

        public ObjectNode toJson() {
            ObjectNode node = JSON.createObjectNode();
            node.put("findings", findings);
            node.put("conclusion", conclusion.name());
            node.put("recommendations", recommendations);
            return node;
        }
    }

    // --- state ----------------------------------------------------------------------------------

    private final WalkthroughConfig config;
    private final KeycloakTokens tokens;
    private final DemoUsers users;
    private final HttpClient http;

    public ReferralWalkthrough(WalkthroughConfig config) {
        this(config, new KeycloakTokens(config.keycloakUrl(), config.realm()));
    }

    /** Shares a token cache with the caller. */
    public ReferralWalkthrough(WalkthroughConfig config, KeycloakTokens tokens) {
        this.config = Objects.requireNonNull(config);
        this.tokens = Objects.requireNonNull(tokens);
        this.users = DemoUsers.loadOrBuiltIn(config.realmFile());
        this.http = KeycloakTokens.defaultHttpClient();
    }

    public WalkthroughConfig config() {
        return config;
    }

    public KeycloakTokens tokens() {
        return tokens;
    }

    /** The demo users (from the realm file, or the built-in table). */
    public DemoUsers users() {
        return users;
    }

    // --- the whole walk -------------------------------------------------------------------------

    /**
     * Walks {@code referral} from submission to the GP reading the report, with a suitable intake
     * ({@link IntakeDecision#doubtAboutTreatment()}) and a report that confirms the policy
     * ({@link ReportDraft#confirmsPolicy()}).
     *
     * @return every step with its time since submission, plus the referral id, booking, conclusion and
     *     final status
     * @throws WalkthroughException naming the failed step, carrying the timeline so far
     */
    public Timeline walk(SampleReferral referral) {
        return walk(referral, IntakeDecision.doubtAboutTreatment(), ReportDraft.confirmsPolicy());
    }

    /** As {@link #walk(SampleReferral)} with this decision (must be suitable) and report. */
    public Timeline walk(SampleReferral referral, IntakeDecision decision, ReportDraft report) {
        if (!decision.suitable() || decision.patientObjectsToGpReport()) {
            throw new IllegalArgumentException("a full walk needs a suitable decision and a report the GP may read");
        }
        Timeline timeline = new Timeline();
        String step = STEP_SUBMITTED;
        try {
            // who plays the GP: before anything is sent, so a wrong referrer fails fast
            DemoUser gp = users.gpByAgb(referral.referrerAgb());
            Duration timeout = config.pollTimeout();

            String referralId = submit(referral);
            timeline.referral(referralId, referral.zdNumber());
            record(timeline, STEP_SUBMITTED, referral.zdNumber() + " -> referral " + referralId);

            step = STEP_INTAKE_CASE_OPEN;
            awaitIntakeCase(referralId, timeout);
            record(timeline, step, "on the worklist of " + DemoUsers.NURSE_BAKKER);

            step = STEP_INTAKE_CLAIMED;
            claim(referralId, DemoUsers.NURSE_BAKKER);
            record(timeline, step, "by " + DemoUsers.NURSE_BAKKER);

            step = STEP_PATIENT_CALLED;
            recordCall(referralId, decision.callOutcome(), DemoUsers.NURSE_BAKKER);
            record(timeline, step, decision.callOutcome().toLowerCase(Locale.ROOT).replace('_', ' '));

            step = STEP_INTAKE_RECORDED;
            long version = saveIntake(referralId, decision, DemoUsers.NURSE_BAKKER).path("version").asLong();
            record(timeline, step, "reasons " + decision.reasons().stream().map(Enum::name)
                    .collect(Collectors.joining(",")) + ", language " + decision.preferredLanguage() + ", "
                    + decision.availability().size() + " availability windows, report to GP "
                    + (decision.patientObjectsToGpReport() ? "withheld" : "allowed"));

            step = STEP_INTAKE_DECIDED;
            postDecision(referralId, decision, version, DemoUsers.NURSE_BAKKER);
            record(timeline, step, decision.suitable() ? "suitable" : "not suitable");

            step = STEP_CONSULT_BOOKED;
            Appointment appointment = awaitAppointment(referralId, timeout);
            timeline.appointment(appointment);
            record(timeline, step, appointment.specialistName() + " (AGB " + appointment.specialistAgb() + "), "
                    + appointment.startsAtDisplay());

            step = STEP_CONSULT_ASSIGNED;
            DemoUser specialist = users.specialistByAgb(appointment.specialistAgb());
            awaitConsult(referralId, specialist.username(), timeout);
            confirmDossierRead(referralId, specialist.username());
            startConsult(referralId, specialist.username());
            record(timeline, step, "visible to " + specialist.username() + "; dossier read, video consult started");

            step = STEP_REPORT_DRAFTED;
            saveReport(referralId, specialist.username(), report);
            record(timeline, step, "conclusion " + report.conclusion());

            step = STEP_REPORT_FINALISED;
            finaliseReport(referralId, specialist.username());
            record(timeline, step, "signed by " + specialist.username() + "; consult completed");

            step = STEP_REPORT_AT_GP;
            JsonNode gpReport = awaitReport(referralId, gp.username(), timeout);
            String conclusion = field(gpReport, "conclusion")
                    .orElseThrow(() -> new WalkthroughException(STEP_REPORT_AT_GP,
                            "the report the GP reads has no conclusion; fields: " + fieldNames(gpReport)));
            timeline.conclusion(conclusion);
            if (!conclusion.equals(report.conclusion().name())) {
                throw new WalkthroughException(STEP_REPORT_AT_GP, "the GP's report says conclusion " + conclusion
                        + ", the specialist wrote " + report.conclusion());
            }
            record(timeline, step, gp.username() + " reads the report: " + conclusion);

            step = STEP_GP_STATUS;
            JsonNode status = gpReferral(referralId, gp.username());
            String statusText = field(status, "status")
                    .orElseThrow(() -> new WalkthroughException(STEP_GP_STATUS,
                            "the GP's view of the referral has no status; fields: " + fieldNames(status)));
            timeline.status(statusText);
            record(timeline, step, "status " + statusText);
            return timeline;
        } catch (WalkthroughException e) {
            throw e.within(step, timeline);
        } catch (RuntimeException e) {
            throw new WalkthroughException(step, e.getMessage() == null ? e.toString() : e.getMessage(), e)
                    .within(step, timeline);
        }
    }

    private void record(Timeline timeline, String name, String detail) {
        Timeline.Step step = timeline.record(name, detail);
        try {
            config.listener().stepDone(timeline, step);
        } catch (RuntimeException e) {
            // a listener's trouble is not the walk's
        }
    }

    // --- the steps one by one -------------------------------------------------------------------

    /** Posts the referral as ZorgDomein would and returns the referral id from the Location header. */
    public String submit(SampleReferral referral) {
        return submit(referral.toJson());
    }

    /** Posts a Bundle (JSON text) as ZorgDomein would; 200 or 201 with a Location header expected. */
    public String submit(String bundleJson) {
        ApiResponse response = postBundle(bundleJson);
        if (response.status() != 201 && response.status() != 200) {
            throw new WalkthroughException(STEP_SUBMITTED, "POST " + gatewayBundleUri() + " answered "
                    + response.describe());
        }
        String location = response.header("Location").orElseThrow(() -> new WalkthroughException(STEP_SUBMITTED,
                "POST " + gatewayBundleUri() + " answered HTTP " + response.status() + " without a Location header"));
        return referralIdFromLocation(location).orElseThrow(() -> new WalkthroughException(STEP_SUBMITTED,
                "the Location header is not /api/referrals/{referralId}: " + location));
    }

    /**
     * {@code POST /fhir/Bundle} with the simulator's token, {@code Content-Type: application/fhir+json}
     * and {@code Prefer: return=minimal}; the raw answer, whatever it is (for re-delivery and
     * authorisation checks).
     */
    public ApiResponse postBundle(String bundleJson) {
        HttpRequest request = HttpRequest.newBuilder(gatewayBundleUri())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", FHIR_JSON)
                .header("Accept", FHIR_JSON)
                .header("Prefer", "return=minimal")
                .header("Authorization", "Bearer " + tokens.simulatorToken())
                .POST(HttpRequest.BodyPublishers.ofString(bundleJson))
                .build();
        return sendOnce(STEP_SUBMITTED, request, "zorgdomein-simulator");
    }

    /** Waits for the intake case, as nurse.bakker, with the configured poll timeout. */
    public JsonNode awaitIntakeCase(String referralId) {
        return awaitIntakeCase(referralId, config.pollTimeout());
    }

    /** Waits until {@code GET /api/intake/cases/{id}} answers 200 to nurse.bakker. */
    public JsonNode awaitIntakeCase(String referralId, Duration timeout) {
        return poll(STEP_INTAKE_CASE_OPEN, "the intake case",
                uri(config.intakeUrl(), intakeCasePath(referralId)), DemoUsers.NURSE_BAKKER, timeout);
    }

    /** {@code /api/intake/cases/{referralId}}: the intake case (append {@code /claim}, {@code /intake}, ...). */
    public static String intakeCasePath(String referralId) {
        return "/api/intake/cases/" + referralId;
    }

    /** The whole telephone intake as nurse.bakker: claim, call, record, decide. */
    public void decide(String referralId, IntakeDecision decision) {
        decide(referralId, decision, DemoUsers.NURSE_BAKKER);
    }

    /**
     * The whole telephone intake as this nurse: claims the case, records the call, saves the intake
     * record (when the decision has one) and posts the decision with the version the save answered.
     */
    public void decide(String referralId, IntakeDecision decision, String nurseUsername) {
        claim(referralId, nurseUsername);
        recordCall(referralId, decision.callOutcome(), nurseUsername);
        Long version = null;
        if (decision.suitable() || decision.clarifiedQuestion() != null) {
            version = saveIntake(referralId, decision, nurseUsername).path("version").asLong();
        }
        postDecision(referralId, decision, version, nurseUsername);
    }

    /** {@code POST /api/intake/cases/{id}/claim} as this nurse; the claim (2xx expected). */
    public JsonNode claim(String referralId, String nurseUsername) {
        ApiResponse response = callAs(nurseUsername, "POST",
                uri(config.intakeUrl(), intakeCasePath(referralId) + "/claim"), null);
        expectSuccess(STEP_INTAKE_CLAIMED, response, "POST /api/intake/cases/{id}/claim as " + nurseUsername);
        return response.json();
    }

    /**
     * {@code POST /api/intake/cases/{id}/call-attempts} {@code {outcome}} as this nurse ({@code REACHED},
     * {@code NOT_REACHED}); the attempt (2xx expected).
     */
    public JsonNode recordCall(String referralId, String outcome, String nurseUsername) {
        ObjectNode body = JSON.createObjectNode().put("outcome", outcome);
        ApiResponse response = callAs(nurseUsername, "POST",
                uri(config.intakeUrl(), intakeCasePath(referralId) + "/call-attempts"), body);
        expectSuccess(STEP_PATIENT_CALLED, response, "POST /api/intake/cases/{id}/call-attempts as " + nurseUsername);
        return response.json();
    }

    /** {@code PUT /api/intake/cases/{id}/intake} with the decision's intake record; the case (2xx expected). */
    public JsonNode saveIntake(String referralId, IntakeDecision decision, String nurseUsername) {
        ApiResponse response = callAs(nurseUsername, "PUT",
                uri(config.intakeUrl(), intakeCasePath(referralId) + "/intake"), decision.intakeRecordJson());
        expectSuccess(STEP_INTAKE_RECORDED, response, "PUT /api/intake/cases/{id}/intake as " + nurseUsername);
        return response.json();
    }

    /**
     * {@code POST /api/intake/cases/{id}/decision} as this nurse, with the case version the nurse saw
     * (null: none); the case (2xx expected).
     */
    public JsonNode postDecision(String referralId, IntakeDecision decision, Long version, String nurseUsername) {
        ApiResponse response = callAs(nurseUsername, "POST",
                uri(config.intakeUrl(), intakeCasePath(referralId) + "/decision"), decision.decisionJson(version));
        expectSuccess(STEP_INTAKE_DECIDED, response, "POST /api/intake/cases/{id}/decision as " + nurseUsername);
        return response.json();
    }

    /** Waits for the booking, as coordinator.peters, with the configured poll timeout. */
    public Appointment awaitAppointment(String referralId) {
        return awaitAppointment(referralId, config.pollTimeout());
    }

    /** Waits until {@code GET /api/appointments/{id}} answers 200 to coordinator.peters. */
    public Appointment awaitAppointment(String referralId, Duration timeout) {
        JsonNode json = poll(STEP_CONSULT_BOOKED, "the booking",
                uri(config.schedulingUrl(), "/api/appointments/" + referralId), DemoUsers.COORDINATOR_PETERS, timeout);
        try {
            return Appointment.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new WalkthroughException(STEP_CONSULT_BOOKED, e.getMessage(), e);
        }
    }

    /** The demo user to log in as for the specialist of this booking. */
    public DemoUser specialistFor(Appointment appointment) {
        return users.specialistByAgb(appointment.specialistAgb());
    }

    /** Waits until {@code GET /api/consults/{id}} answers 200 to this specialist. */
    public JsonNode awaitConsult(String referralId, String specialistUsername) {
        return awaitConsult(referralId, specialistUsername, config.pollTimeout());
    }

    public JsonNode awaitConsult(String referralId, String specialistUsername, Duration timeout) {
        return poll(STEP_CONSULT_ASSIGNED, "the consult",
                uri(config.consultUrl(), "/api/consults/" + referralId), specialistUsername, timeout);
    }

    /** {@code POST /api/consults/{id}/dossier-read} as this specialist: the dossier is read; 2xx expected. */
    public void confirmDossierRead(String referralId, String specialistUsername) {
        consultStep(STEP_CONSULT_ASSIGNED, referralId, specialistUsername, "dossier-read");
    }

    /** {@code POST /api/consults/{id}/start} as this specialist: the video consult begins; 2xx expected. */
    public void startConsult(String referralId, String specialistUsername) {
        consultStep(STEP_CONSULT_ASSIGNED, referralId, specialistUsername, "start");
    }

    /**
     * {@code PUT /api/consults/{id}/report} as this specialist; 2xx expected. A consult the specialist has
     * not started yet is prepared first, as the specialist would before writing the report: the dossier
     * read confirmed and the consult started ({@link #confirmDossierRead}, {@link #startConsult}).
     */
    public void saveReport(String referralId, String specialistUsername, ReportDraft draft) {
        ApiResponse consult = callAs(specialistUsername, "GET", uri(config.consultUrl(), "/api/consults/" + referralId),
                null);
        expectSuccess(STEP_REPORT_DRAFTED, consult, "GET /api/consults/{id} as " + specialistUsername);
        String status = consult.json().path("status").asText();
        if (status.equals("SCHEDULED")) {
            consultStep(STEP_REPORT_DRAFTED, referralId, specialistUsername, "dossier-read");
        }
        if (status.equals("SCHEDULED") || status.equals("DOSSIER_READ")) {
            consultStep(STEP_REPORT_DRAFTED, referralId, specialistUsername, "start");
        }
        expectSuccess(STEP_REPORT_DRAFTED, callAs(specialistUsername, "PUT",
                uri(config.consultUrl(), "/api/consults/" + referralId + "/report"), draft.toJson()),
                "PUT /api/consults/{id}/report as " + specialistUsername);
    }

    /**
     * Signs the report ({@code POST /api/consults/{id}/report/finalise}) and completes the consult with it
     * ({@link #completeConsult}, which publishes {@code ConsultCompleted}) as this specialist; 2xx expected.
     */
    public void finaliseReport(String referralId, String specialistUsername) {
        expectSuccess(STEP_REPORT_FINALISED, callAs(specialistUsername, "POST",
                uri(config.consultUrl(), "/api/consults/" + referralId + "/report/finalise"), null),
                "POST /api/consults/{id}/report/finalise as " + specialistUsername);
        completeConsult(referralId, specialistUsername);
    }

    /** {@code POST /api/consults/{id}/complete} as this specialist (the report is signed); 2xx expected. */
    public void completeConsult(String referralId, String specialistUsername) {
        consultStep(STEP_REPORT_FINALISED, referralId, specialistUsername, "complete");
    }

    private void consultStep(String step, String referralId, String specialistUsername, String action) {
        expectSuccess(step, callAs(specialistUsername, "POST",
                uri(config.consultUrl(), "/api/consults/" + referralId + "/" + action), null),
                "POST /api/consults/{id}/" + action + " as " + specialistUsername);
    }

    /** Waits for the final report as gp.jansen, with the configured poll timeout. */
    public JsonNode awaitReport(String referralId) {
        return awaitReport(referralId, DemoUsers.GP_JANSEN, config.pollTimeout());
    }

    /** Waits for the final report as gp.jansen. */
    public JsonNode awaitReport(String referralId, Duration timeout) {
        return awaitReport(referralId, DemoUsers.GP_JANSEN, timeout);
    }

    /**
     * Waits until {@code GET /api/gp/referrals/{id}/report} answers 200 to this GP (404
     * {@code report-not-available} means not yet; 403 {@code report-withheld} fails at once).
     */
    public JsonNode awaitReport(String referralId, String gpUsername, Duration timeout) {
        return poll(STEP_REPORT_AT_GP, "the final report",
                uri(config.reportingUrl(), "/api/gp/referrals/" + referralId + "/report"), gpUsername, timeout);
    }

    /** {@code GET /api/gp/referrals/{id}} as gp.jansen: status and timeline. */
    public JsonNode gpReferral(String referralId) {
        return gpReferral(referralId, DemoUsers.GP_JANSEN);
    }

    /** {@code GET /api/gp/referrals/{id}} as this GP; 200 expected. */
    public JsonNode gpReferral(String referralId, String gpUsername) {
        ApiResponse response = callAs(gpUsername, "GET", uri(config.reportingUrl(), "/api/gp/referrals/" + referralId),
                null);
        expectSuccess(STEP_GP_STATUS, response, "GET /api/gp/referrals/{id} as " + gpUsername);
        return response.json();
    }

    // --- raw calls, for tests that check more than the happy path ----------------------------------

    /**
     * One request as a demo user ({@code jsonBody} null: no body); the raw answer.
     *
     * @throws WalkthroughException when the service cannot be reached or no token can be had
     */
    public ApiResponse callAs(String username, String method, URI url, JsonNode jsonBody) {
        return call(method, url, tokens.userToken(username), jsonBody == null ? null : jsonBody.toString(), username);
    }

    /** One request with this bearer token (null: none) and JSON body text (null: no body); the raw answer. */
    public ApiResponse call(String method, URI url, String bearerToken, String jsonBody) {
        return call(method, url, bearerToken, jsonBody, "the given token");
    }

    private ApiResponse call(String method, URI url, String bearerToken, String jsonBody, String who) {
        return sendOnce(null, request(method, url, bearerToken, jsonBody), who);
    }

    /** {@code base} + {@code path}, e.g. {@code uri(config().reportingUrl(), "/api/gp/referrals")}. */
    public static URI uri(URI base, String path) {
        return URI.create(base.toString() + path);
    }

    /** The referral id in a Location header {@code /api/referrals/{referralId}} (relative or absolute). */
    public static Optional<String> referralIdFromLocation(String location) {
        if (location == null) {
            return Optional.empty();
        }
        Matcher m = LOCATION.matcher(location.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    // --- internals ------------------------------------------------------------------------------

    private URI gatewayBundleUri() {
        return uri(config.gatewayUrl(), "/fhir/Bundle");
    }

    private static HttpRequest request(String method, URI url, String bearerToken, String jsonBody) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", APPLICATION_JSON);
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        if (jsonBody != null) {
            builder.header("Content-Type", APPLICATION_JSON);
            builder.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private ApiResponse sendOnce(String step, HttpRequest request, String who) {
        try {
            return send(request);
        } catch (IOException e) {
            throw new WalkthroughException(step, request.method() + " " + request.uri() + " (as " + who
                    + ") failed: " + describe(e, request.uri()), e);
        }
    }

    private ApiResponse send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalkthroughException(null, "interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static void expectSuccess(String step, ApiResponse response, String what) {
        if (!response.isSuccess()) {
            throw new WalkthroughException(step, what + " answered " + response.describe());
        }
    }

    /**
     * GETs {@code url} as {@code username} until it answers 2xx; 404 and connection errors mean "not
     * yet", anything else fails. Gives up after {@code timeout} with the last answer in the message.
     */
    private JsonNode poll(String step, String what, URI url, String username, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (true) {
            String token;
            try {
                token = tokens.userToken(username);
            } catch (WalkthroughException e) {
                throw e.within(step, null);
            }
            HttpRequest request = request("GET", url, token, null);
            try {
                ApiResponse response = send(request);
                if (response.isSuccess()) {
                    return response.json();
                }
                if (response.status() != 404) {
                    throw new WalkthroughException(step, "GET " + url + " (as " + username + ") answered "
                            + response.describe());
                }
                last = response.describe();
            } catch (IOException e) {
                last = "request failed: " + describe(e, url);
            }
            if (System.nanoTime() >= deadline) {
                throw new WalkthroughException(step, String.format(Locale.ROOT,
                        "timed out after %d s waiting for %s: GET %s (as %s); last answer: %s",
                        timeout.toSeconds(), what, url, username, last));
            }
            try {
                Thread.sleep(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WalkthroughException(step, "interrupted while waiting for " + what, e);
            }
        }
    }

    /** A text field at the top level, or the first one of that name anywhere in the document. */
    private static Optional<String> field(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            value = json.findValue(name);
        }
        return value == null || value.isNull() || !value.isValueNode() ? Optional.empty() : Optional.of(value.asText());
    }

    private static String fieldNames(JsonNode json) {
        return json.properties().stream().map(e -> e.getKey()).toList().toString();
    }

    /** An I/O failure in a few words; a refused connection says the service does not listen. */
    static String describe(IOException e, URI url) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused: nothing listens at " + url.getHost() + ":" + url.getPort()
                    + " (is the service up?)";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
        }
        return e.getMessage() == null ? e.getClass().getName() : e.toString();
    }

    static String shorten(String body) {
        String oneLine = body.strip();
        return oneLine.length() <= MAX_BODY_SHOWN ? oneLine : oneLine.substring(0, MAX_BODY_SHOWN) + "...";
    }
}
