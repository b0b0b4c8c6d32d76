package nl.consilium.scheduling.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.consilium.calendar.WorkingDayCalendar;
import nl.consilium.events.intake.AvailabilityWindow;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.events.scheduling.MatchingFailureReason;
import nl.consilium.scheduling.config.SchedulingConfig;
import nl.consilium.scheduling.domain.Appointment;
import nl.consilium.scheduling.domain.ConsultRequest;
import nl.consilium.scheduling.domain.ConsultRequestStatus;
import nl.consilium.scheduling.domain.MatchingRationale;
import nl.consilium.scheduling.domain.matching.CandidateRationale;
import nl.consilium.scheduling.domain.matching.MatchRequest;
import nl.consilium.scheduling.domain.matching.Matcher;
import nl.consilium.scheduling.domain.matching.PatientWindow;
import org.hibernate.Session;

/**
 * What the booking use cases share: the engine and this instance's snapshot, the match input of a
 * consult request, the JDBC work on the transaction's connection, and the rationale as JSON.
 */
@ApplicationScoped
public class MatchingSupport {

    private static final TypeReference<List<AvailabilityWindow>> WINDOWS = new TypeReference<>() {
    };

    @Inject
    Matcher matcher;

    @Inject
    RegistrySnapshots snapshots;

    @Inject
    SchedulingConfig config;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    private SlotBooker booker;

    @PostConstruct
    void init() {
        booker = new SlotBooker(matcher, config.bookingAttempts());
    }

    Matcher matcher() {
        return matcher;
    }

    SlotBooker booker() {
        return booker;
    }

    SchedulingSnapshot snapshot() {
        return snapshots.current();
    }

    /** Work on the current transaction's connection (flushing pending entity changes first). */
    <T> T onConnection(SqlWork<T> work) {
        entityManager.flush();
        return entityManager.unwrap(Session.class).doReturningWork(work::apply);
    }

    /** Waits until no other transaction works on this referral (see {@link BookingStore#lockReferral}). */
    void lockReferral(UUID referralId) {
        onConnection(connection -> {
            BookingStore.lockReferral(connection, referralId);
            return null;
        });
    }

    /**
     * When matching for a request starts: now, but never before the intake was completed (the clocks
     * of two services may differ).
     */
    static Instant matchFrom(ConsultRequest request, Instant now) {
        return request.completedAt() != null && request.completedAt().isAfter(now) ? request.completedAt() : now;
    }

    /**
     * The request's match input at {@code now} ({@link #matchFrom}): the treating hospital's name resolved to registry
     * organisations (an unknown hospital: none), the treating specialist's AGB (the engine adds his
     * organisations), the patient's language and availability, and the deadline.
     */
    MatchRequest matchRequest(ConsultRequest request, SchedulingSnapshot snapshot, Instant now) {
        return new MatchRequest(request.referralId(), request.specialty() == null ? "" : request.specialty(),
                request.focusArea(), request.preferredLanguage(), request.treatingSpecialistAgb(),
                snapshot.organisationsNamed(request.treatingHospital()), patientWindows(request), dueOn(request),
                matchFrom(request, now));
    }

    /**
     * The consult deadline of a request; a request without one (an older producer, or a request of
     * before issue 5) gets 10 working days from the intake's completion.
     */
    LocalDate dueOn(ConsultRequest request) {
        if (request.consultDueOn() != null) {
            return request.consultDueOn();
        }
        Instant from = request.completedAt() != null ? request.completedAt() : request.createdAt();
        return calendar.consultDueOn(from);
    }

    /** The dates to read bookings for: from the day of {@code now} to the later of the deadline and {@code alsoDay}. */
    static LocalDate[] days(MatchRequest request, LocalDate alsoDay) {
        LocalDate first = LocalDate.ofInstant(request.now(), WorkingDayCalendar.ZONE);
        LocalDate last = request.consultDueOn();
        if (alsoDay != null) {
            first = alsoDay.isBefore(first) ? alsoDay : first;
            last = alsoDay.isAfter(last) ? alsoDay : last;
        }
        return new LocalDate[] {first, last};
    }

    List<AvailabilityWindow> patientAvailability(ConsultRequest request) {
        if (request.patientAvailability() == null || request.patientAvailability().isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(request.patientAvailability(), WINDOWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored patient availability of a request cannot be read", e);
        }
    }

    private List<PatientWindow> patientWindows(ConsultRequest request) {
        return patientAvailability(request).stream()
                .filter(w -> w.day() != null && w.from() != null && w.to() != null && w.to().isAfter(w.from()))
                .map(w -> new PatientWindow(w.day(), w.from(), w.to())).toList();
    }

    /** The patient's availability as stored; null for none (any time). */
    String availabilityJson(List<AvailabilityWindow> windows) {
        if (windows == null || windows.isEmpty()) {
            return null;
        }
        return write(windows);
    }

    /** The rationale of a matching run. */
    Rationale rationale(ConsultRequest request, MatchRequest match, SlotBooker.Result result, SchedulingSnapshot snapshot,
            Collection<SlotKey> excluded) {
        Set<String> excludedSlots = excluded.stream().map(s -> s.specialistAgb() + "@" + s.start())
                .collect(Collectors.toCollection(TreeSet::new));
        Rationale.Input input = new Rationale.Input(match.specialty(), match.focusArea(), match.language(),
                request.treatingHospital(), match.treatingSpecialistAgb(), new TreeSet<>(match.treatingOrganisations()),
                patientAvailability(request), match.consultDueOn(), match.now(), excludedSlots);
        Rationale.Chosen chosen = result == null ? null : result.booked().map(b -> new Rationale.Chosen(b.specialistAgb(),
                b.specialistName(), b.startsAt(), b.endsAt(),
                result.match().choice().map(c -> Rationale.ScoreView.of(c.score())).orElse(null))).orElse(null);
        List<Rationale.Candidate> candidates = new ArrayList<>();
        if (result != null) {
            for (CandidateRationale c : result.match().rationale()) {
                candidates.add(new Rationale.Candidate(c.specialistAgb(), snapshot.nameOf(c.specialistAgb()),
                        c.excludedBecause().orElse(null), c.best().map(Rationale.ScoreView::of).orElse(null)));
            }
        }
        return new Rationale(input, chosen, candidates, result == null ? 0 : result.conflicts());
    }

    /** Stores a matching run's rationale. */
    void record(UUID referralId, MatchingRationale.Purpose purpose, ConsultRequestStatus outcome,
            MatchingFailureReason failure, Instant at, Rationale rationale) {
        MatchingRationale.of(referralId, purpose, outcome, failure, at, write(rationale)).persist();
    }

    Rationale read(MatchingRationale stored) {
        try {
            return json.readValue(stored.rationale(), Rationale.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rationale cannot be read", e);
        }
    }

    /** The failure in words for the coordinator's list (no patient data). */
    static String explain(MatchingFailureReason failure, MatchRequest match) {
        String specialty = match.specialty().isEmpty() ? "(none named)" : match.specialty();
        String language = match.language() == null ? "" : " who speaks " + match.language();
        return switch (failure) {
            case NO_INDEPENDENT_SPECIALIST -> "No active " + specialty + " specialist"
                    + (language.isEmpty() ? "" : language + " and is")
                    + " independent of the treating hospital and specialist";
            case NONE_BEFORE_DEADLINE -> "No independent " + specialty + " specialist" + language
                    + " has a free slot (within the weekly maximum) before the deadline " + match.consultDueOn();
            case NONE_IN_PATIENT_AVAILABILITY -> "Free slots before the deadline " + match.consultDueOn()
                    + " exist, but none in the patient's availability";
        };
    }

    /** The booking just inserted, as an entity. */
    Appointment appointment(NewBooking booking) {
        return Appointment.findById(booking.bookingId());
    }

    ConsultScheduled scheduled(NewBooking b) {
        return new ConsultScheduled(b.referralId(), b.consultId(), b.patientId(), b.specialistAgb(),
                b.specialistName(), b.specialty(), b.startsAt(), b.endsAt(), b.assignedBy().name(),
                b.deadlineOverridden());
    }

    Map<String, String> organisationNames() {
        return snapshot().organisationNames();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Work with a JDBC connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
