package nl.consilium.intake;

import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.intake.service.IntakeService;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A case's deadlines come from the working-day calendar (libs/calendar, default settings), counted
 * from the referral's arrival: intakeDueAt 24 hours later, consultDueOn the 10th working day after the
 * Amsterdam calendar day of arrival.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class DeadlineTest {

    @Inject
    IntakeService intake;

    @ParameterizedTest(name = "arrived {0}: intake due {1}, consult due {2}")
    @CsvSource({
            "2026-11-23T08:00:00Z, 2026-11-24T08:00:00Z, 2026-12-07", // Monday: two weeks on
            "2026-11-28T10:00:00Z, 2026-11-29T10:00:00Z, 2026-12-11", // Saturday counts from Monday
            "2026-11-22T23:30:00Z, 2026-11-23T23:30:00Z, 2026-12-07", // Sunday 23:30 UTC is Monday in Amsterdam
            "2026-12-21T09:00:00Z, 2026-12-22T09:00:00Z, 2027-01-06", // Christmas, Boxing Day, New Year's Day
            "2027-03-27T12:00:00Z, 2027-03-28T12:00:00Z, 2027-04-12"  // DST starts; Easter Monday 2027-03-29
    })
    void theDeadlinesCountFromTheArrival(Instant receivedAt, Instant intakeDueAt, String consultDueOn) {
        ReferralReceived referral = ReferralFixtures.referral(receivedAt);
        intake.openCase(referral);
        IntakeFlow.get(Tokens.coordinator(), referral.referralId()).statusCode(200)
                .body("receivedAt", is(receivedAt.toString()))
                .body("intakeDueAt", is(intakeDueAt.toString()))
                .body("consultDueOn", is(consultDueOn));
    }
}
