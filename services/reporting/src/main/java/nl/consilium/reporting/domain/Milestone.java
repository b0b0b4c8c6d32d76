package nl.consilium.reporting.domain;

import java.time.Instant;

/**
 * One step of a referral's timeline: what happened, when, and a short note for the GP (who and
 * when of a booking, who asked for a move or cancellation; never medical content); may be null.
 */
public record Milestone(TimelineMilestone milestone, Instant at, String detail) {
}
