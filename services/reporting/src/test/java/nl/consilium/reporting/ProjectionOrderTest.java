package nl.consilium.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventType;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.consult.ConsultNoShow;
import nl.consilium.events.consult.ConsultReportAmended;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeOverdue;
import nl.consilium.events.intake.IntakeRejected;
import nl.consilium.events.intake.PatientObjectionChanged;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralLetterReceived;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.referral.ReferralSupplemented;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.events.scheduling.MatchingFailed;
import nl.consilium.reporting.domain.ReferralOverview;
import nl.consilium.reporting.domain.ReportAddendum;
import org.junit.jupiter.api.Test;

/**
 * The projection of a referral depends on its events, not on how the topics interleave: each
 * topic keeps its order, across topics any order gives the same overview (which is what makes a
 * rebuild from the topics equal the live projection). Plain JUnit on the entity: every scenario in
 * 500 random interleavings, compared on every value the overview exposes.
 */
class ProjectionOrderTest {

    private static final int INTERLEAVINGS = 500;

    /** One event as the projection applies it, with the time of its envelope. */
    private record Timed(ConsiliumEvent event, Instant time) {
        String topic() {
            return EventType.of(event).topic();
        }
    }

    @Test
    void everyInterleavingOfTheTopicsGivesTheSameOverview() {
        Map<String, List<Timed>> scenarios = new LinkedHashMap<>();

        ReportingFixtures a = ReportingFixtures.referral();
        Instant aDone = a.movedStartsAt().plusSeconds(3600);
        scenarios.put("letter, questionnaire, moved, held, amended", List.of(t(a.received(), a.receivedAt()),
                t(a.questionnaire(true), a.receivedAt()), t(a.letterReceived(), a.receivedAt()),
                t(a.intakeCompleted(), a.intakeCompletedAt()), t(a.scheduled(), a.scheduledAt()),
                t(a.rescheduled("PATIENT"), a.rescheduledAt()), t(a.completed(aDone), aDone),
                t(a.amended(), a.amendedAt())));

        ReportingFixtures b = ReportingFixtures.referral().objecting();
        Instant lifted = b.completedAt().plusSeconds(3600);
        scenarios.put("objected, lifted after the report", List.of(t(b.received(), b.receivedAt()),
                t(b.intakeCompleted(), b.intakeCompletedAt()), t(b.scheduled(), b.scheduledAt()),
                t(b.completed(), b.completedAt()), t(b.objectionChanged(false, lifted), lifted)));

        ReportingFixtures b2 = ReportingFixtures.referral();
        Instant objected = b2.completedAt().plusSeconds(60);
        scenarios.put("objected after the report", List.of(t(b2.received(), b2.receivedAt()),
                t(b2.intakeCompleted(), b2.intakeCompletedAt()), t(b2.scheduled(), b2.scheduledAt()),
                t(b2.completed(), b2.completedAt()), t(b2.objectionChanged(true, objected), objected),
                t(b2.amended(), b2.amendedAt())));

        ReportingFixtures c = ReportingFixtures.referral();
        scenarios.put("rejected, then cancelled", List.of(t(c.received(), c.receivedAt()),
                t(c.intakeRejected(), c.intakeCompletedAt()),
                t(c.cancelled(c.intakeCompletedAt().plusSeconds(600)), c.intakeCompletedAt().plusSeconds(600))));

        ReportingFixtures d = ReportingFixtures.referral();
        scenarios.put("consult cancelled with the referral", List.of(t(d.received(), d.receivedAt()),
                t(d.intakeCompleted(), d.intakeCompletedAt()), t(d.scheduled(), d.scheduledAt()),
                t(d.consultCancelled("REFERRAL_CANCELLED"), d.consultCancelledAt()),
                t(d.cancelled(d.consultCancelledAt().minusSeconds(30)), d.consultCancelledAt().minusSeconds(30))));

        ReportingFixtures e = ReportingFixtures.referral();
        Instant eDone = e.movedStartsAt().plusSeconds(3600);
        scenarios.put("cancelled by the patient, booked again, held", List.of(t(e.received(), e.receivedAt()),
                t(e.intakeCompleted(), e.intakeCompletedAt()), t(e.scheduled(), e.scheduledAt()),
                t(e.consultCancelled("PATIENT"), e.consultCancelledAt()), t(e.rebooked(), e.rebookedAt()),
                t(e.completed(eDone), eDone)));

        ReportingFixtures f = ReportingFixtures.referral();
        scenarios.put("matching failed, booked by hand", List.of(t(f.received(), f.receivedAt()),
                t(f.intakeCompleted(), f.intakeCompletedAt()),
                t(f.matchingFailed(), f.intakeCompletedAt().plusSeconds(5)), t(f.rebooked(), f.rebookedAt())));

        ReportingFixtures g = ReportingFixtures.referral();
        scenarios.put("overdue intake", List.of(t(g.received(), g.receivedAt()),
                t(g.intakeOverdue(), g.receivedAt().plusSeconds(86_460))));

        ReportingFixtures h = ReportingFixtures.referral();
        Instant hDone = h.movedStartsAt().plusSeconds(3600);
        scenarios.put("no-show, moved, held", List.of(t(h.received(), h.receivedAt()),
                t(h.intakeCompleted(), h.intakeCompletedAt()), t(h.scheduled(), h.scheduledAt()),
                t(h.noShow(), h.noShowAt()), t(h.rescheduled("PATIENT"), h.noShowAt().plusSeconds(600)),
                t(h.completed(hDone), hDone)));

        ReportingFixtures i = ReportingFixtures.referral();
        scenarios.put("no-show, nothing booked since", List.of(t(i.received(), i.receivedAt()),
                t(i.intakeCompleted(), i.intakeCompletedAt()), t(i.scheduled(), i.scheduledAt()),
                t(i.noShow(), i.noShowAt())));

        Random random = new Random(7513);
        scenarios.forEach((name, events) -> {
            String inTopicOrder = snapshot(apply(events));
            for (int n = 0; n < INTERLEAVINGS; n++) {
                List<Timed> interleaved = interleave(events, random);
                assertThat(snapshot(apply(interleaved))).as(name + " in the order " + types(interleaved))
                        .isEqualTo(inTopicOrder);
            }
        });
    }

    private static Timed t(ConsiliumEvent event, Instant time) {
        return new Timed(event, time);
    }

    /** The events in a random order across topics, each topic's own order kept. */
    private static List<Timed> interleave(List<Timed> events, Random random) {
        Map<String, Deque<Timed>> byTopic = new LinkedHashMap<>();
        events.forEach(e -> byTopic.computeIfAbsent(e.topic(), k -> new ArrayDeque<>()).add(e));
        List<Timed> out = new ArrayList<>();
        while (out.size() < events.size()) {
            List<Deque<Timed>> left = byTopic.values().stream().filter(q -> !q.isEmpty()).toList();
            out.add(left.get(random.nextInt(left.size())).poll());
        }
        return out;
    }

    private static ReferralOverview apply(List<Timed> events) {
        ConsiliumEvent first = events.get(0).event();
        ReferralOverview overview = ReferralOverview.start(first.referralId(), patientOf(events));
        for (Timed timed : events) {
            Consumer<ReferralOverview> change = switch (timed.event()) {
                case ReferralReceived x -> o -> o.recordReceived(x);
                case ReferralLetterReceived x -> o -> o.recordLetterReceived(x);
                case ReferralSupplemented x -> o -> o.recordSupplemented(x);
                case ReferralCancelled x -> o -> o.recordCancelled(x);
                case IntakeCompleted x -> o -> o.recordIntakeCompleted(x);
                case IntakeRejected x -> o -> o.recordIntakeRejected(x);
                case IntakeOverdue x -> o -> o.recordIntakeOverdue(x);
                case PatientObjectionChanged x -> o -> o.recordObjectionChanged(x);
                case ConsultScheduled x -> o -> o.recordScheduled(x, timed.time());
                case ConsultRescheduled x -> o -> o.recordRescheduled(x, timed.time());
                case ConsultCancelled x -> o -> o.recordConsultCancelled(x, timed.time());
                case MatchingFailed x -> o -> o.recordMatchingFailed(x, timed.time());
                case ConsultCompleted x -> o -> o.recordCompleted(x);
                case ConsultReportAmended x -> o -> o.recordAmended(x);
                case ConsultNoShow x -> o -> o.recordNoShow(x, timed.time());
                default -> throw new IllegalArgumentException(timed.event().getClass().getName());
            };
            change.accept(overview);
        }
        return overview;
    }

    private static java.util.UUID patientOf(List<Timed> events) {
        return events.stream().map(Timed::event).filter(ReferralReceived.class::isInstance)
                .map(e -> ((ReferralReceived) e).patientId()).findFirst().orElseThrow();
    }

    /** Every value the overview shows, by its accessor's name (the version, a count of changes, left out). */
    private static String snapshot(ReferralOverview overview) {
        return Arrays.stream(ReferralOverview.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 0 && m.getReturnType() != void.class)
                .filter(m -> !m.getName().equals("version") && !m.getName().startsWith("$$"))
                .sorted(Comparator.comparing(Method::getName))
                .map(m -> m.getName() + "=" + value(overview, m))
                .collect(Collectors.joining("\n"));
    }

    private static String value(ReferralOverview overview, Method accessor) {
        try {
            Object value = accessor.invoke(overview);
            if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof ReportAddendum) {
                return list.stream().map(a -> (ReportAddendum) a)
                        .map(a -> a.sequence() + "|" + a.text() + "|" + a.signedBy() + "|" + a.signedAt())
                        .toList().toString();
            }
            return String.valueOf(value);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(accessor.getName(), ex);
        }
    }

    private static String types(List<Timed> events) {
        return events.stream().map(e -> e.event().getClass().getSimpleName()).toList().toString();
    }
}
