package nl.consilium.intake.service;

import java.util.List;
import nl.consilium.events.intake.IntakeReason;

/** What the nurse decided after the telephone intake. */
public record IntakeDecision(
        boolean suitable,
        String clarifiedQuestion,
        List<IntakeReason> reasons,
        String specialty,
        String preferredLanguage,
        boolean patientObjectsToGpReport,
        String unsuitableReason) {
}
