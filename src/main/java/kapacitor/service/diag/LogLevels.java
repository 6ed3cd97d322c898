package kapacitor.service.diag;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** The server's log level, changed at run time as Kapacitor's {@code POST /loglevel} does. */
public final class LogLevels {
    private LogLevels() {
    }

    /**
     * Sets the root logger's level from Kapacitor's names (debug, info, error, any case). Loggers configured with a
     * level of their own (netty, hazelcast) keep it, as they are not Kapacitor's.
     *
     * @throws IllegalArgumentException "invalid log level" for any other name, as Kapacitor answers
     */
    public static void set(String name) {
        Level level;
        switch (name == null ? "" : name.toUpperCase(Locale.ROOT)) {
            case "DEBUG":
                level = Level.DEBUG;
                break;
            case "INFO":
                level = Level.INFO;
                break;
            case "ERROR":
                level = Level.ERROR;
                break;
            default:
                throw new IllegalArgumentException("invalid log level");
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(level);
        }
    }

    /** The root logger's level name in lower case (for tests and diagnostics). */
    public static String current() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            return ctx.getLogger(Logger.ROOT_LOGGER_NAME).getLevel().toString().toLowerCase(Locale.ROOT);
        }
        return "info";
    }
}
