package kapacitor.alert;

import java.util.Locale;

/** Kapacitor's alert levels, ordered: a higher ordinal is more severe. */
public enum Level {
    OK, INFO, WARNING, CRITICAL;

    /** Parses a level name case-insensitively, failing with Kapacitor's text. */
    public static Level parse(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        for (Level l : values()) {
            if (l.name().equals(u)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown alert level '" + u + "'");
    }
}
