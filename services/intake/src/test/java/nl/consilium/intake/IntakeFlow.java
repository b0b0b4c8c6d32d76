package nl.consilium.intake;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The nurse's calls of the intake API, and database look-ups for the tests' assertions. */
final class IntakeFlow {

    static final String CASES = "/api/intake/cases";
    static final String CASE = CASES + "/{referralId}";
    static final String CLAIM = CASE + "/claim";
    static final String CALLS = CASE + "/call-attempts";
    static final String INTAKE = CASE + "/intake";
    static final String DECISION = CASE + "/decision";
    static final String READINESS = CASE + "/decision-readiness";

    static final String QUESTION = "Is bypass surgery the right treatment, or is medication as good?";

    private IntakeFlow() {
    }

    static ValidatableResponse get(String token, UUID referralId) {
        return given().auth().oauth2(token).get(CASE, referralId).then();
    }

    static ValidatableResponse claim(String token, UUID referralId) {
        return given().auth().oauth2(token).post(CLAIM, referralId).then();
    }

    static ValidatableResponse call(String token, UUID referralId, String outcome) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("outcome", outcome))
                .post(CALLS, referralId).then();
    }

    static ValidatableResponse save(String token, UUID referralId, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(INTAKE, referralId).then();
    }

    static ValidatableResponse decide(String token, UUID referralId, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(DECISION, referralId).then();
    }

    /** Everything a suitable decision needs, as the intake record's JSON. */
    static Map<String, Object> completeRecord() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("clarifiedQuestion", QUESTION);
        record.put("reasons", List.of("SURGERY_DECISION", "TREATMENT_OPTIONS"));
        record.put("preferredLanguage", "nl");
        record.put("availability", List.of(Map.of("day", "TUESDAY", "from", "09:00", "to", "12:00"),
                Map.of("day", "THURSDAY", "from", "13:30", "to", "17:00")));
        record.put("patientObjectsToGpReport", false);
        return record;
    }

    /** Claims the case, records a call that reached the patient and saves the complete record. */
    static void prepareForDecision(String token, UUID referralId) {
        claim(token, referralId).statusCode(200);
        call(token, referralId, "REACHED").statusCode(201);
        save(token, referralId, completeRecord()).statusCode(200);
    }

    /** {@link #prepareForDecision} and a suitable decision. */
    static void decideSuitable(String token, UUID referralId) {
        prepareForDecision(token, referralId);
        decide(token, referralId, Map.of("suitable", true)).statusCode(200);
    }

    static long count(EntityManager entityManager, String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(EntityManager entityManager, String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return (List<Object[]>) query.getResultList();
        });
    }

    static int update(EntityManager entityManager, String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    /** The audit actions of a patient, in order. */
    static List<String> auditActions(EntityManager entityManager, UUID patientId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action from audit_log where patient_id = ?1 and outcome = 'SUCCESS' order by occurred_at, id")
                .setParameter(1, patientId).getResultList()).stream().map(Object::toString).toList();
    }
}
