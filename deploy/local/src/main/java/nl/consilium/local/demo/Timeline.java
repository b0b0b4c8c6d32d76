package nl.consilium.local.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What happened to one referral, step by step: name, milliseconds since submission and a short detail
 * without patient data. Filled by {@link ReferralWalkthrough#walk}; besides the steps it keeps the
 * facts the walk learned (referral id, the booking, the report's conclusion, the final status) so a
 * test can assert on them. Safe to read from another thread while a walk fills it.
 */
public final class Timeline {

    /** One step: its name (a {@code ReferralWalkthrough.STEP_*} constant), when, and a short detail. */
    public record Step(String name, long elapsedMillis, String detail) {

        /** One line: {@code +  1234 ms  name  detail}. */
        public String format() {
            return String.format(Locale.ROOT, "+%7d ms  %-22s %s", elapsedMillis, name, detail == null ? "" : detail);
        }
    }

    private final Instant startedAt;
    private final long startNanos;
    private final List<Step> steps = new ArrayList<>();
    private volatile String referralId;
    private volatile String zdNumber;
    private volatile Appointment appointment;
    private volatile String conclusion;
    private volatile String status;

    public Timeline() {
        this.startedAt = Instant.now();
        this.startNanos = System.nanoTime();
    }

    /** Records a step now. */
    public synchronized Step record(String name, String detail) {
        Step step = new Step(name, elapsedMillis(), detail);
        steps.add(step);
        return step;
    }

    public synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    public synchronized Optional<Step> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** When the walk began (just before the bundle was posted). */
    public Instant startedAt() {
        return startedAt;
    }

    /** Milliseconds since the walk began. */
    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Time from submission to the last recorded step. */
    public synchronized Duration total() {
        return steps.isEmpty() ? Duration.ZERO : Duration.ofMillis(steps.get(steps.size() - 1).elapsedMillis());
    }

    public String referralId() {
        return referralId;
    }

    public String zdNumber() {
        return zdNumber;
    }

    /** The booked consult, once known. */
    public Appointment appointment() {
        return appointment;
    }

    /** The conclusion of the final report as the GP reads it, once known. */
    public String conclusion() {
        return conclusion;
    }

    /** The referral's status as the GP sees it at the end, once known. */
    public String status() {
        return status;
    }

    void referral(String id, String zd) {
        this.referralId = id;
        this.zdNumber = zd;
    }

    void appointment(Appointment booked) {
        this.appointment = booked;
    }

    void conclusion(String value) {
        this.conclusion = value;
    }

    void status(String value) {
        this.status = value;
    }

    /** The steps as a small table, one line each, then the total. */
    public synchronized String render() {
        StringBuilder s = new StringBuilder();
        s.append("Timeline of referral ").append(referralId == null ? "(not submitted)" : referralId);
        if (zdNumber != null) {
            s.append(" (").append(zdNumber).append(')');
        }
        s.append('\n');
        for (Step step : steps) {
            s.append("  ").append(step.format()).append('\n');
        }
        s.append(String.format(Locale.ROOT, "  total %.1f s from submission to the last step%n",
                total().toMillis() / 1000.0));
        return s.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
