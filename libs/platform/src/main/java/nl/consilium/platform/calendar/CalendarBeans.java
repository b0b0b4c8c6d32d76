package nl.consilium.platform.calendar;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import nl.consilium.calendar.WorkingDayCalendar;

/**
 * The {@link WorkingDayCalendar} every service counts its deadlines with, from {@link CalendarConfig}.
 * The calendar is immutable and thread-safe, so it is a {@code @Singleton} (no client proxy, which a
 * final class could not have); a service or test may replace it with a bean of its own.
 */
@ApplicationScoped
public class CalendarBeans {

    @Produces
    @Singleton
    @DefaultBean
    WorkingDayCalendar workingDayCalendar(CalendarConfig config) {
        return WorkingDayCalendar.of(CalendarSettingsFromConfig.settings(config));
    }

    /**
     * Builds the calendar when the application starts, before the other start-up observers (the
     * outbox relay, say), so that a wrong setting stops the start with a message naming the property.
     */
    void checkAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            WorkingDayCalendar calendar) {
        calendar.settings();
    }
}
