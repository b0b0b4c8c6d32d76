package nl.consilium.local.demo;

import java.io.PrintStream;

/** Told about every step of a walk as it happens (from the walking thread). */
@FunctionalInterface
public interface StepListener {

    /** Says nothing. */
    StepListener SILENT = (timeline, step) -> { };

    void stepDone(Timeline timeline, Timeline.Step step);

    /** One line per step on {@code out}: {@code +   412 ms  submitted   ...}. */
    static StepListener printingTo(PrintStream out) {
        return printingTo(out, false);
    }

    /**
     * One line per step on {@code out}; with {@code withReferralId} each line starts with the first
     * 8 characters of the referral id, for output of several walks at once.
     */
    static StepListener printingTo(PrintStream out, boolean withReferralId) {
        return (timeline, step) -> {
            String id = timeline.referralId();
            String prefix = withReferralId
                    ? "[" + (id == null ? "--------" : id.substring(0, Math.min(8, id.length()))) + "] "
                    : "";
            out.println("  " + prefix + step.format());
            out.flush();
        };
    }
}
