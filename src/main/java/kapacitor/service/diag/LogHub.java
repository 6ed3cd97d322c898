package kapacitor.service.diag;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fans the process's log events out to live subscribers (the {@code /logs} sessions). A logback appender on the root
 * logger; with no subscriber it costs one list check per event. Subscribers are called on the logging thread and must
 * not block (they queue and hand off). One hub per JVM, as logging is.
 */
public final class LogHub {
    private static final String APPENDER = "KAPACITOR_LOG_SESSIONS";
    private static final LogHub INSTANCE = new LogHub();

    private final CopyOnWriteArrayList<Consumer<LogLine>> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean installed;

    private LogHub() {
    }

    /** The hub, its appender attached to logback's root logger on first use. */
    public static LogHub get() {
        INSTANCE.install();
        return INSTANCE;
    }

    /** Calls {@code subscriber} with every event logged from now on, until the returned handle runs. */
    public Runnable subscribe(Consumer<LogLine> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private synchronized void install() {
        if (installed || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) == null) {
            Appender appender = new Appender();
            appender.setContext(ctx);
            appender.setName(APPENDER);
            appender.start();
            root.addAppender(appender);
        }
        installed = true;
    }

    private final class Appender extends UnsynchronizedAppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent e) {
            if (subscribers.isEmpty()) {
                return;
            }
            LogLine line = LogLine.of(Instant.ofEpochMilli(e.getTimeStamp()), levelName(e.getLevel()),
                e.getFormattedMessage(), shortName(e.getLoggerName()), error(e.getThrowableProxy()));
            for (Consumer<LogLine> s : subscribers) {
                try {
                    s.accept(line);
                } catch (RuntimeException ex) {
                    // A failing subscriber must not break logging; it is dropped when its request ends.
                    addWarn("log session subscriber failed", ex);
                }
            }
        }
    }

    private static String levelName(Level level) {
        if (level.toInt() >= Level.ERROR_INT) {
            return "error";
        }
        if (level.toInt() >= Level.WARN_INT) {
            return "warn";
        }
        return level.toInt() >= Level.INFO_INT ? "info" : "debug";
    }

    private static String shortName(String logger) {
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }

    private static String error(IThrowableProxy t) {
        if (t == null) {
            return null;
        }
        return t.getMessage() == null ? t.getClassName() : t.getMessage();
    }
}
