package nl.consilium.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import nl.consilium.calendar.WorkingDayCalendar;
import nl.consilium.scheduling.config.SchedulingConfig;
import nl.consilium.scheduling.domain.matching.Matcher;
import nl.consilium.scheduling.domain.matching.MatchingSettings;

/** The matching engine of this instance: stateless and thread-safe, so one for all. */
@ApplicationScoped
public class MatchingBeans {

    @Produces
    @Singleton
    Matcher matcher(WorkingDayCalendar calendar, SchedulingConfig config) {
        return new Matcher(calendar, new MatchingSettings(config.slotLength(), config.leadTimeWorkingDays()));
    }
}
