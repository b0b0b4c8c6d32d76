/**
 * The matching engine: which independent specialist of the right specialty gets a referral, in
 * which slot, and why. Pure Java (no JPA, CDI or Quarkus, no I/O, no clock): the service gives it a
 * {@link nl.consilium.scheduling.domain.matching.RegistrySnapshot} (the registry and availability,
 * immutable, shared by all threads), a {@link nl.consilium.scheduling.domain.matching.Bookings} view
 * of what is taken, and a {@link nl.consilium.scheduling.domain.matching.MatchRequest} that carries
 * {@code now}; the same inputs always give the same result, whatever order the registry was given in.
 * The service then books the choice atomically in PostgreSQL (unique index on specialist and slot
 * start); when another instance was first it marks the slot taken and asks again.
 *
 * <h2>Time</h2>
 * Every wall-clock time and date is {@code Europe/Amsterdam}. Working days come from the shared
 * {@link nl.consilium.calendar.WorkingDayCalendar} (Monday–Friday minus the holidays of the Algemene
 * termijnenwet and configured closing days).
 *
 * <h2>Slots</h2>
 * <ul>
 *   <li>A specialist's windows on a date are his weekly windows for that day of the week plus his
 *       one-off additions for that date, merged where they overlap or touch (09:00–10:15 and
 *       10:15–12:00 are one window 09:00–12:00).</li>
 *   <li>Each merged window is cut into slots of {@link nl.consilium.scheduling.domain.matching.MatchingSettings#slotLength()}
 *       (default 30 minutes) from its start, in wall-clock time; a remainder shorter than a slot is
 *       not a slot (09:00–10:15 gives 09:00 and 09:30). Across the daylight-saving changes a 09:00
 *       slot stays 09:00 on the clock (08:00 UTC in winter, 07:00 UTC in summer).</li>
 *   <li>No slots on a non-working day (weekend, holiday, closing day), additions included, nor on a
 *       day of an {@link nl.consilium.scheduling.domain.matching.Absence} (whole days, end inclusive).</li>
 * </ul>
 *
 * <h2>Candidates</h2>
 * Every specialist of the requested specialty is considered, in this order of rules; the first one
 * he fails is his {@link nl.consilium.scheduling.domain.matching.Exclusion}:
 * <ol>
 *   <li>{@code INACTIVE}: not active.</li>
 *   <li>{@code NOT_INDEPENDENT}: he is the treating specialist (same AGB), or he shares an
 *       organisation with the treating side: the request's {@code treatingOrganisations} plus, when
 *       the treating specialist is in the registry, the organisations the registry has for him.
 *       Organisation ids, language codes and focus areas are compared ignoring case and surrounding
 *       spaces; an organisation nobody in the registry works for excludes nobody.</li>
 *   <li>{@code LANGUAGE}: the request names a language (ISO 639-1) he does not speak; none = any.</li>
 *   <li>Then his slots, from the end of the lead time to the deadline, in time order. A slot
 *       <em>fits</em> when it is free ({@link nl.consilium.scheduling.domain.matching.Bookings#isTaken}),
 *       its ISO week (Monday–Sunday, the Amsterdam date of the slot) has fewer consults than his
 *       weekly maximum ({@link nl.consilium.scheduling.domain.matching.Bookings#consultsInWeek}), and
 *       it lies wholly within one of the patient's windows (same day of the week; touching windows
 *       merged; no windows = any time). His best slot is the first that fits. If none fits:
 *       {@code NO_SLOT_BEFORE_DEADLINE} when he has no free slot at all in that period,
 *       {@code WEEKLY_MAXIMUM_REACHED} when his free slots all lie in weeks at his maximum,
 *       {@code NO_SLOT_IN_PATIENT_AVAILABILITY} when free slots in weeks under the maximum exist but
 *       none in the patient's time.</li>
 * </ol>
 * <b>Deadline</b>: a slot must end on or before the end of {@code consultDueOn} (Amsterdam).
 * <b>Lead time</b> ({@link nl.consilium.scheduling.domain.matching.Matcher#leadTimeEnds}, default
 * one working day): a slot may not start before the same wall-clock time as {@code now} on the
 * {@code leadTimeWorkingDays}-th working day after {@code now}'s date (Wednesday 14:10 → Thursday
 * 14:10; Friday 16:00 → Monday 16:00; Thursday 24 December 10:00 → Monday 28 December 10:00). When
 * {@code now} falls on a non-working day, counting starts at the opening (the calendar's
 * {@code workingDayStart}, 08:00) of the next working day: Saturday 11:00 → Tuesday 08:00, so the
 * specialist always has a whole working day to read the dossier. Lead time 0: from {@code now}.
 *
 * <h2>Score</h2>
 * Among the candidates with a fitting slot the best {@link nl.consilium.scheduling.domain.matching.Score}
 * wins ({@link nl.consilium.scheduling.domain.matching.Matcher#SCORE_ORDER}):
 * <ol>
 *   <li>a focus-area match first (the request's focus area is among his; no focus area asked = no
 *       one matches);</li>
 *   <li>then the earliest slot;</li>
 *   <li>then the lowest weekly load (consults already in that slot's ISO week);</li>
 *   <li>then the lowest AGB code (string order): the final tie-break, so the result is deterministic.</li>
 * </ol>
 * A candidate's score is that of his earliest fitting slot: his focus match is the same for all his
 * slots, and an earlier slot beats a lower load.
 *
 * <h2>Result</h2>
 * {@link nl.consilium.scheduling.domain.matching.MatchResult}: the choice, or the failure reason,
 * and the rationale for every specialist of the specialty (candidates with a score best first, the
 * chosen one first; then the excluded ones by AGB, each with its exclusion). Failure reasons
 * ({@link nl.consilium.events.scheduling.MatchingFailureReason}):
 * {@code NO_INDEPENDENT_SPECIALIST} when every specialist of the specialty is inactive, not
 * independent or does not speak the language (or there is none); otherwise
 * {@code NONE_IN_PATIENT_AVAILABILITY} when at least one has free slots before the deadline within
 * his weekly maximum but none in the patient's time; otherwise {@code NONE_BEFORE_DEADLINE}.
 *
 * <h2>Manual assignment and the slots endpoint</h2>
 * {@link nl.consilium.scheduling.domain.matching.Matcher#check} applies the same rules to a
 * coordinator's choice of specialist and slot and names every rule broken
 * ({@link nl.consilium.scheduling.domain.matching.Violation}; the slot must be exactly one of the
 * specialist's slots). Only {@code AFTER_DEADLINE} can be overridden; an overridden deadline is
 * still listed, and {@link nl.consilium.scheduling.domain.matching.CheckResult#deadlineOverridden()}
 * tells the service to record it. {@link nl.consilium.scheduling.domain.matching.Matcher#slots}
 * lists a specialist's slots lying wholly between two instants, free and booked.
 *
 * <h2>Performance</h2>
 * Built for many matches on one snapshot: specialists indexed by specialty and sorted by AGB;
 * availability compiled once into seconds-of-day arrays; slots never materialised but cut lazily,
 * day by day, only up to the deadline, stopping at a specialist's first fitting slot; the calendar
 * facts of the dates in between computed once per request; weekly loads asked once per
 * specialist and week; organisations numbered so independence is a bit test. One match on 10,000
 * specialists (40 specialties, 12 weeks of slots) takes about a quarter of a millisecond; the
 * figures are in docs/performance.md (tests/benchmarks/run-matching).
 */
package nl.consilium.scheduling.domain.matching;
