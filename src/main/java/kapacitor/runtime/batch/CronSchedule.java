package kapacitor.runtime.batch;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A query() node's cron schedule, read as Kapacitor's cron library (gorhill/cronexpr) reads it: five fields (minute
 * hour day-of-month month day-of-week), six (plus year) or seven (second first, then year); {@code *}, {@code ?},
 * lists, ranges, steps, month and weekday names, the {@code @hourly}-style shorthands. When both day fields are
 * restricted a day matching either runs. Times are in the local time zone, as Kapacitor's are. The L, W and #
 * modifiers are not supported and rejected.
 */
public final class CronSchedule implements QuerySchedule {
    private static final Map<String, String> SHORTHANDS = Map.of(
        "@yearly", "0 0 0 1 1 * *", "@annually", "0 0 0 1 1 * *", "@monthly", "0 0 0 1 * * *",
        "@weekly", "0 0 0 * * 0 *", "@daily", "0 0 0 * * * *", "@midnight", "0 0 0 * * * *",
        "@hourly", "0 0 * * * * *");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
        "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 2099;

    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final BitSet years;
    private final boolean domRestricted;
    private final boolean dowRestricted;
    private final ZoneId zone;

    private CronSchedule(String[] f, ZoneId zone) {
        this.zone = zone;
        seconds = field("second", f[0], 0, 59, List.of(), 0);
        minutes = field("minute", f[1], 0, 59, List.of(), 0);
        hours = field("hour", f[2], 0, 23, List.of(), 0);
        daysOfMonth = field("day-of-month", f[3], 1, 31, List.of(), 0);
        months = field("month", f[4], 1, 12, MONTHS, 1);
        BitSet dow = field("day-of-week", f[5], 0, 7, DAYS, 0);
        if (dow.get(7)) {
            dow.set(0);
        }
        daysOfWeek = dow;
        years = field("year", f[6], FIRST_YEAR, LAST_YEAR, List.of(), 0);
        domRestricted = !isAny(f[3]);
        dowRestricted = !isAny(f[5]);
    }

    /** Parses {@code expr} for the system time zone. */
    public static CronSchedule parse(String expr) {
        return parse(expr, ZoneId.systemDefault());
    }

    public static CronSchedule parse(String expr, ZoneId zone) {
        String e = expr.trim();
        String shorthand = SHORTHANDS.get(e.toLowerCase(Locale.ROOT));
        String[] f = (shorthand != null ? shorthand : e).split("\\s+");
        if (f.length == 5) {
            f = new String[] {"0", f[0], f[1], f[2], f[3], f[4], "*"};
        } else if (f.length == 6) {
            f = new String[] {"0", f[0], f[1], f[2], f[3], f[4], f[5]};
        } else if (f.length != 7) {
            throw new IllegalArgumentException("missing field(s)");
        }
        return new CronSchedule(f, zone);
    }

    @Override
    public long first(long now) {
        return next(now);
    }

    @Override
    public long after(long tick) {
        return next(tick);
    }

    /** The first matching second strictly after {@code t}; {@link Long#MAX_VALUE} if none up to 2099. */
    public long next(long t) {
        ZonedDateTime z = Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L)).atZone(zone).plusSeconds(1);
        while (z.getYear() <= LAST_YEAR) {
            if (z.getYear() < FIRST_YEAR || !years.get(z.getYear())) {
                z = z.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS).plusYears(1);
            } else if (!months.get(z.getMonthValue())) {
                z = z.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(z)) {
                z = z.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(z.getHour())) {
                z = z.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(z.getMinute())) {
                z = z.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            } else if (!seconds.get(z.getSecond())) {
                z = z.plusSeconds(1);
            } else {
                return z.toEpochSecond() * 1_000_000_000L;
            }
        }
        return Long.MAX_VALUE;
    }

    private boolean dayMatches(ZonedDateTime z) {
        boolean dom = daysOfMonth.get(z.getDayOfMonth());
        boolean dow = daysOfWeek.get(z.getDayOfWeek().getValue() % 7);
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        if (domRestricted) {
            return dom;
        }
        return !dowRestricted || dow;
    }

    private static boolean isAny(String f) {
        return f.equals("*") || f.equals("?");
    }

    private static BitSet field(String name, String text, int min, int max, List<String> names, int nameBase) {
        BitSet bits = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(name, part.substring(slash + 1), 1, max, List.of(), 0);
            }
            int lo;
            int hi;
            if (range.equals("*") || range.equals("?")) {
                lo = min;
                hi = max;
            } else if (range.indexOf('-') > 0) {
                int dash = range.indexOf('-');
                lo = number(name, range.substring(0, dash), min, max, names, nameBase);
                hi = number(name, range.substring(dash + 1), min, max, names, nameBase);
            } else {
                lo = number(name, range, min, max, names, nameBase);
                hi = slash >= 0 ? max : lo;
            }
            if (hi < lo) {
                throw syntax(name, part);
            }
            for (int v = lo; v <= hi; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String name, String text, int min, int max, List<String> names, int nameBase) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + nameBase;
        }
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw syntax(name, text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw syntax(name, text);
        }
    }

    private static IllegalArgumentException syntax(String name, String text) {
        return new IllegalArgumentException("syntax error in " + name + " field: '" + text + "'");
    }
}
