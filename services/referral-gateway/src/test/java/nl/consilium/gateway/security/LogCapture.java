package nl.consilium.gateway.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The messages one logger writes while open (all levels, DEBUG included), formatted as they appear in
 * the log, for tests that check what an operator gets to see. Closing restores the logger's level.
 */
final class LogCapture implements AutoCloseable {

    /** A captured message and its level. */
    record Line(Level level, String message) {
        boolean info() {
            return level.intValue() >= Level.INFO.intValue();
        }
    }

    private final Logger logger;
    private final Level previous;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            lines.add(new Line(record.getLevel(), message));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Class<?> loggerOf) {
        logger = Logger.getLogger(loggerOf.getName());
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    static LogCapture of(Class<?> loggerOf) {
        return new LogCapture(loggerOf);
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The messages, whatever their level. */
    List<String> messages() {
        return lines.stream().map(Line::message).toList();
    }

    void clear() {
        lines.clear();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previous);
    }
}
