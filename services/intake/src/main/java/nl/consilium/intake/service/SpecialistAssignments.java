package nl.consilium.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.intake.domain.AssignmentChange;
import nl.consilium.intake.domain.SpecialistAssignment;
import org.jboss.logging.Logger;

/**
 * Which specialist may read a referral's dossier, as scheduling's events tell it (topic
 * consilium.scheduling): {@code ConsultScheduled} assigns the booked specialist,
 * {@code ConsultRescheduled} the new one (the previous one loses access), {@code ConsultCancelled}
 * nobody. The events of one referral arrive in order on their partition, and each is applied once
 * (the consumer's {@code processed_event}); applying one twice would change nothing either. No user's
 * access: not audited. Only ids go to the log.
 */
@ApplicationScoped
public class SpecialistAssignments {

    private static final Logger LOG = Logger.getLogger(SpecialistAssignments.class);

    @Inject
    Clock clock;

    /** Scheduling booked the consult with a specialist. */
    @Transactional
    public void consultScheduled(ConsultScheduled booking) {
        assign(booking.referralId(), booking.specialistAgb(), booking.consultId(), AssignmentChange.SCHEDULED);
    }

    /** Scheduling moved the consult, maybe to another specialist. */
    @Transactional
    public void consultRescheduled(ConsultRescheduled moved) {
        assign(moved.referralId(), moved.specialistAgb(), moved.consultId(), AssignmentChange.RESCHEDULED);
    }

    /** Scheduling cancelled the consult: no specialist reads the dossier any more. */
    @Transactional
    public void consultCancelled(ConsultCancelled cancelled) {
        UUID referralId = Objects.requireNonNull(cancelled.referralId(), "referralId");
        SpecialistAssignment assignment = SpecialistAssignment.lock(referralId).orElse(null);
        if (assignment == null) {
            assignment = SpecialistAssignment.first(referralId);
            assignment.revoke(cancelled.consultId(), clock.instant());
            assignment.persist();
        } else if (assignment.revoke(cancelled.consultId(), clock.instant())) {
            LOG.infof("Referral %s: the consult was cancelled; no specialist reads its dossier any more", referralId);
        }
    }

    private void assign(UUID referralId, String agb, UUID consultId, AssignmentChange by) {
        Objects.requireNonNull(referralId, "referralId");
        SpecialistAssignment assignment = SpecialistAssignment.lock(referralId).orElse(null);
        if (assignment == null) {
            assignment = SpecialistAssignment.first(referralId);
            assignment.assign(agb, consultId, by, clock.instant());
            assignment.persist();
        } else if (assignment.assign(agb, consultId, by, clock.instant())) {
            LOG.infof("Referral %s: another specialist reads its dossier from now on (%s)", referralId, by);
        }
    }
}
