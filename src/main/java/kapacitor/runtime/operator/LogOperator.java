package kapacitor.runtime.operator;

import kapacitor.runtime.edge.Message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** Kapacitor's log node: logs every message at the configured level with the prefix, and forwards it. */
public final class LogOperator implements Operator {
    private static final Logger LOG = LoggerFactory.getLogger("kapacitor.task.log");

    private final Level level;
    private final String prefix;

    public LogOperator(String level, String prefix) {
        this.level = parse(level);
        this.prefix = prefix;
    }

    private static Level parse(String level) {
        switch (level.toUpperCase(java.util.Locale.ROOT)) {
            case "DEBUG":
                return Level.DEBUG;
            case "WARN":
                return Level.WARN;
            case "ERROR":
                return Level.ERROR;
            case "INFO":
            case "":
                return Level.INFO;
            default:
                throw new IllegalArgumentException("invalid log level " + level);
        }
    }

    @Override
    public void process(Message m, Output out) {
        if (LOG.isEnabledForLevel(level)) {
            LOG.atLevel(level).log("{} {}", prefix, m);
        }
        out.emit(m);
    }
}
