package nl.consilium.scheduling.domain.matching;

import java.util.List;

/** When a specialist can hold consults: weekly windows plus one-off additions, minus absences (and the calendar's holidays). */
public record Availability(List<WeeklyWindow> weekly, List<DatedWindow> additions, List<Absence> absences) {

    private static final Availability NONE = new Availability(List.of(), List.of(), List.of());

    public Availability {
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
        additions = additions == null ? List.of() : List.copyOf(additions);
        absences = absences == null ? List.of() : List.copyOf(absences);
    }

    /** No availability at all. */
    public static Availability none() {
        return NONE;
    }
}
