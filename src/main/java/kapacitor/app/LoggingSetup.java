package kapacitor.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import kapacitor.config.LoggingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies Kapacitor's {@code [logging]} section (level, and a file instead of STDERR) to logback at start-up. */
public final class LoggingSetup {
    private LoggingSetup() {
    }

    public static void apply(LoggingConfig cfg) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        if (cfg.level() != null && !cfg.level().isEmpty()) {
            root.setLevel(Level.toLevel(cfg.level(), Level.INFO));
        }
        String file = cfg.file();
        if (file != null && !file.isEmpty() && !"STDERR".equalsIgnoreCase(file)) {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(ctx);
            encoder.setPattern("ts=%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} lvl=%level service=%logger{0} %msg%n%ex");
            encoder.start();
            OutputStreamAppender<ILoggingEvent> appender;
            if ("STDOUT".equalsIgnoreCase(file)) {
                ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
                console.setTarget("System.out");
                appender = console;
            } else {
                FileAppender<ILoggingEvent> fileAppender = new FileAppender<>();
                fileAppender.setFile(file);
                appender = fileAppender;
            }
            appender.setContext(ctx);
            appender.setName("CONFIGURED");
            appender.setEncoder(encoder);
            appender.start();
            root.detachAppender("STDERR");
            root.addAppender(appender);
        }
    }
}
