package nl.consilium.local.demo;

/**
 * A step of the walkthrough failed: a service answered something unexpected, a poll timed out, or a
 * token could not be had. The message names the step, the request and the answer (status and body,
 * the {@code application/problem+json} for an error). {@link #timeline()} holds the steps done so far
 * when the failure happened inside {@link ReferralWalkthrough#walk}.
 */
public class WalkthroughException extends RuntimeException {

    private final String step;
    private final transient Timeline timeline;

    public WalkthroughException(String step, String message) {
        this(step, message, null, null);
    }

    public WalkthroughException(String step, String message, Throwable cause) {
        this(step, message, cause, null);
    }

    private WalkthroughException(String step, String message, Throwable cause, Timeline timeline) {
        super(step == null ? message : step + ": " + message, cause);
        this.step = step;
        this.timeline = timeline;
    }

    /** The step that failed (a {@link ReferralWalkthrough} step name), or null when outside a step. */
    public String step() {
        return step;
    }

    /** The steps completed before the failure, or null when not thrown by a walk. */
    public Timeline timeline() {
        return timeline;
    }

    /** The message without the step prefix. */
    public String reason() {
        String message = getMessage();
        return step != null && message.startsWith(step + ": ") ? message.substring(step.length() + 2) : message;
    }

    /** This failure attributed to {@code step} (if it had none) and carrying the walk's timeline. */
    WalkthroughException within(String stepName, Timeline walkTimeline) {
        String s = step != null ? step : stepName;
        WalkthroughException e = new WalkthroughException(s, reason(), getCause(), walkTimeline);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
