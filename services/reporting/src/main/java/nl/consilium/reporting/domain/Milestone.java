package nl.consilium.reporting.domain;

import java.time.Instant;

/** One step of a referral's timeline and when it happened. */
public record Milestone(ReferralStatus milestone, Instant at) {
}
