package io.trackorder.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import io.trackorder.web.RequestIds;

/**
 * Collects the application's log records while a test runs: a {@code @QuarkusTest} shares the
 * JVM's JBoss LogManager with the application, so a handler on the root logger sees everything
 * the application logs. Closing it removes the handler and restores the levels it lowered.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /**
     * One log record as an operator would read it: level, category, message and stack trace; the
     * request id the record carries (MDC {@code traceId}) and its whole MDC, and the line the console
     * handler writes for it.
     */
    public record Entry(Level level, String category, String message, String stackTrace, String traceId,
            Map<String, String> mdc, String consoleLine) {

        public String text() {
            return level + " " + category + " " + message + (stackTrace == null ? "" : "\n" + stackTrace);
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final Map<String, Level> previousLevels = new HashMap<>();
    private final Formatter consoleFormat = consoleFormatter(LogContext.getLogContext().getLogger("").getHandlers());

    private LogCapture() {
        setLevel(Level.ALL);
    }

    /** Starts capturing; the given categories log at DEBUG meanwhile, so their debug output is checked too. */
    public static LogCapture start(String... debugCategories) {
        LogCapture capture = new LogCapture();
        for (String category : debugCategories) {
            Logger logger = Logger.getLogger(category);
            capture.previousLevels.put(category, logger.getLevel());
            logger.setLevel(Level.FINE);
        }
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String stackTrace = null;
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            stackTrace = trace.toString();
        }
        // Read now: the MDC belongs to the request (its Vert.x context) that is logging.
        Map<String, String> mdc = record instanceof ExtLogRecord ext ? ext.getMdcCopy() : Map.of();
        String consoleLine = consoleFormat == null ? null : consoleFormat.format(record);
        entries.add(new Entry(record.getLevel(), record.getLoggerName(), message, stackTrace, mdc.get(RequestIds.LOG_KEY),
                mdc, consoleLine));
    }

    /** The formatter of Quarkus' console handler, which sits inside its delayed root handler. */
    private static Formatter consoleFormatter(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler instanceof ConsoleHandler) {
                return handler.getFormatter();
            }
            if (handler instanceof ExtHandler parent) {
                Formatter nested = consoleFormatter(parent.getHandlers());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        previousLevels.forEach((category, level) -> Logger.getLogger(category).setLevel(level));
    }
}
