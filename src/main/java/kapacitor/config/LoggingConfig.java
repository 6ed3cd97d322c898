package kapacitor.config;

import java.util.Locale;
import java.util.Set;

/** Kapacitor's {@code [logging]}: file is a path or STDERR / STDOUT; level is DEBUG, INFO or ERROR. */
public record LoggingConfig(String file, String level) {

    private static final Set<String> LEVELS = Set.of("DEBUG", "INFO", "ERROR");

    static LoggingConfig from(Section s) {
        LoggingConfig c = new LoggingConfig(s.string("file"), s.string("level"));
        if (!LEVELS.contains(c.level().toUpperCase(Locale.ROOT))) {
            throw ConfigException.invalid(s.key("level"), "invalid log level " + c.level());
        }
        return c;
    }

    /** Overrides from the -log-file / -log-level flags, which beat file and environment in Kapacitor. */
    LoggingConfig withFlags(String flagFile, String flagLevel) {
        return new LoggingConfig(flagFile == null || flagFile.isEmpty() ? file : flagFile,
            flagLevel == null || flagLevel.isEmpty() ? level : flagLevel);
    }
}
