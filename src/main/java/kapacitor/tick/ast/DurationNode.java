package kapacitor.tick.ast;

import java.time.Duration;

/** A duration literal such as {@code 10s}; the literal text is kept because the formatter prints it unchanged. */
public record DurationNode(Position position, long nanos, String literal, CommentNode comment)
    implements CommentedNode {
    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;

    public Duration duration() {
        return Duration.ofNanos(nanos);
    }

    public static DurationNode parse(Position position, String literal, CommentNode comment) {
        return new DurationNode(position, parseNanos(literal), literal, comment);
    }

    /**
     * InfluxQL duration syntax as Kapacitor parses it: optional '-', then (digits unit)+ with units
     * ns, u, µ, ms, s, m, h, d, w. Overflow wraps like Go's int64 and is reported only when the sum turns negative.
     */
    public static long parseNanos(String s) {
        int[] cps = s.codePoints().toArray();
        if (s.length() < 2) {
            throw invalid();
        }
        int i = 0;
        boolean negative = false;
        if (cps[0] == '-') {
            negative = true;
            i++;
        }
        long total = 0;
        while (i < cps.length) {
            int startDigits = i;
            while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') {
                i++;
            }
            if (i >= cps.length || i == startDigits) {
                throw invalid();
            }
            long measure;
            try {
                measure = Long.parseLong(new String(cps, startDigits, i - startDigits));
            } catch (NumberFormatException e) {
                throw invalid();
            }
            int unit = cps[i];
            boolean secondLetterS = i + 1 < cps.length && cps[i + 1] == 's';
            if (unit == 'n' && secondLetterS) {
                total += measure;
                i += 2;
                continue;
            }
            if (unit == 'm' && secondLetterS) {
                total += measure * MILLI;
                i += 2;
                continue;
            }
            total += measure * unitNanos(unit);
            i++;
        }
        if (total < 0 && !negative) {
            throw new IllegalArgumentException("overflowed duration " + s + ": choose a smaller duration or INF");
        }
        return negative ? -total : total;
    }

    private static long unitNanos(int unit) {
        switch (unit) {
            case 'u':
            case 'µ':
                return MICRO;
            case 'm':
                return MINUTE;
            case 's':
                return SECOND;
            case 'h':
                return HOUR;
            case 'd':
                return DAY;
            case 'w':
                return WEEK;
            default:
                throw invalid();
        }
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("invalid duration");
    }

    @Override
    public DurationNode withComment(CommentNode comment) {
        return new DurationNode(position, nanos, literal, comment);
    }
}
