package kapacitor.runtime.batch;

import kapacitor.model.DbRp;
import kapacitor.pipeline.DurationValue;
import kapacitor.pipeline.Star;
import kapacitor.runtime.time.GoTime;
import kapacitor.tick.eval.TimeDimension;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A query() node's InfluxQL SELECT with the parts Kapacitor sets on it (kapacitor/query.go): the time bounds ANDed to
 * the WHERE condition, the GROUP BY replaced by the node's groupBy (a time dimension as {@code time(length, offset)}),
 * the fill option, and with alignGroup the time offset following the start time. The statement is split into its
 * clauses at top level (outside quotes, regexes and parentheses); the user's field list, sources and condition are
 * kept as written rather than re-rendered by a full InfluxQL parser. Immutable and thread-safe.
 */
public final class BatchQuery {
    private static final List<String> CLAUSES = List.of("INTO", "FROM", "WHERE", "GROUP BY", "FILL", "ORDER BY",
        "LIMIT", "OFFSET", "SLIMIT", "SOFFSET", "TZ");

    private final String fields;
    private final String into;
    private final String from;
    private final String where;
    private final String fill;
    private final String tail;
    private final List<Object> dimensions;
    private final long groupByTime;
    private final long groupByOffset;
    private final boolean alignGroup;

    private BatchQuery(String fields, String into, String from, String where, String fill, String tail,
                       List<Object> dimensions, long groupByTime, long groupByOffset, boolean alignGroup) {
        this.fields = fields;
        this.into = into;
        this.from = from;
        this.where = where;
        this.fill = fill;
        this.tail = tail;
        this.dimensions = dimensions;
        this.groupByTime = groupByTime;
        this.groupByOffset = groupByOffset;
        this.alignGroup = alignGroup;
    }

    /**
     * Parses {@code query} and applies the node's settings.
     *
     * @param dimensions the node's groupBy values: tag names, {@link Star}, a {@link DurationValue} or a
     *     {@link TimeDimension} (at most one time dimension)
     * @param fill the node's fill(): "null", "none", "previous", "linear", a number, or null to keep the query's own
     * @throws IllegalArgumentException with Kapacitor's text for what it rejects
     */
    public static BatchQuery parse(String query, List<Object> dimensions, Object fill, boolean alignGroup) {
        List<String[]> clauses = split(query);
        String fields = null;
        String into = "";
        String from = null;
        String where = "";
        String ownFill = "";
        StringBuilder tail = new StringBuilder();
        for (String[] c : clauses) {
            switch (c[0]) {
                case "SELECT":
                    fields = c[1];
                    break;
                case "INTO":
                    into = c[1];
                    break;
                case "FROM":
                    from = c[1];
                    break;
                case "WHERE":
                    where = c[1];
                    break;
                case "GROUP BY":
                    // Kapacitor replaces the statement's dimensions with the node's groupBy.
                    break;
                case "FILL":
                    ownFill = "fill" + c[1];
                    break;
                default:
                    tail.append(' ').append(c[0]).append(' ').append(c[1]);
            }
        }
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("failed to parse InfluxQL query: found " + firstWord(query)
                + ", expected SELECT");
        }
        if (from == null || from.isEmpty()) {
            throw new IllegalArgumentException("failed to parse InfluxQL query: found EOF, expected FROM");
        }
        long time = 0;
        long offset = 0;
        boolean hasTime = false;
        for (Object d : dimensions) {
            if (d instanceof DurationValue || d instanceof TimeDimension) {
                if (hasTime) {
                    throw new IllegalArgumentException("groupBy cannot have more than one time dimension");
                }
                hasTime = true;
                if (d instanceof TimeDimension t) {
                    time = t.length().nanos();
                    offset = t.offset() == null ? 0 : t.offset().nanos();
                } else {
                    time = ((DurationValue) d).nanos();
                }
            } else if (!(d instanceof String) && !(d instanceof Star)) {
                throw new IllegalArgumentException("invalid dimension type:" + goType(d)
                    + ", must be string or time.Duration");
            }
        }
        String fillText = fill == null ? ownFill : fillClause(fill);
        return new BatchQuery(fields, into, from, where, fillText, tail.toString(), List.copyOf(dimensions),
            hasTime ? time : 0, offset, alignGroup);
    }

    public boolean isGroupedByTime() {
        return groupByTime > 0;
    }

    /** The statement for the window [start, stop), epoch nanoseconds. */
    public String text(long start, long stop) {
        StringBuilder b = new StringBuilder("SELECT ").append(fields);
        if (!into.isEmpty()) {
            b.append(" INTO ").append(into);
        }
        b.append(" FROM ").append(from).append(" WHERE ");
        if (!where.isEmpty()) {
            b.append(hasTopLevelOr(where) ? "(" + where + ")" : where).append(" AND ");
        }
        b.append("time >= '").append(GoTime.formatRfc3339Nano(start)).append("' AND time < '")
            .append(GoTime.formatRfc3339Nano(stop)).append('\'');
        if (!dimensions.isEmpty()) {
            b.append(" GROUP BY ");
            for (int i = 0; i < dimensions.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(dimension(dimensions.get(i), start));
            }
        }
        if (!fill.isEmpty()) {
            b.append(' ').append(fill);
        }
        return b.append(tail).toString();
    }

    /** The databases and retention policies the query reads (Kapacitor's Query.DBRPs). */
    public List<DbRp> dbrps() {
        List<DbRp> out = new ArrayList<>();
        for (String source : splitTopLevel(from, ',')) {
            List<String> parts = splitTopLevel(source.trim(), '.');
            String db = parts.size() >= 3 ? unquote(parts.get(0)) : "";
            String rp = parts.size() >= 2 ? unquote(parts.get(parts.size() - 2)) : "";
            out.add(new DbRp(db, rp));
        }
        return out;
    }

    private String dimension(Object d, long start) {
        if (d instanceof String s) {
            return quoteIdent(s);
        }
        if (d instanceof Star) {
            return "*";
        }
        long offset = groupByOffset;
        if (alignGroup) {
            // Kapacitor: the offset follows the start time so groups line up with the query window.
            offset = start % groupByTime;
        }
        return "time(" + formatDuration(groupByTime) + ", " + formatDuration(offset) + ")";
    }

    private static String fillClause(Object fill) {
        if (fill instanceof String s) {
            switch (s) {
                case "null":
                    return "";
                case "none":
                case "previous":
                case "linear":
                    return "fill(" + s + ")";
                default:
                    throw new IllegalArgumentException("unexpected fill option " + s);
            }
        }
        if (fill instanceof Double d) {
            return "fill(" + kapacitor.runtime.operator.GoJson.formatFloat(d) + ")";
        }
        if (fill instanceof Number n) {
            return "fill(" + n.longValue() + ")";
        }
        throw new IllegalArgumentException("unexpected fill option " + fill);
    }

    /** InfluxQL's duration literal: the largest unit that divides the value exactly. */
    static String formatDuration(long d) {
        if (d == 0) {
            return "0s";
        }
        long[] units = {604_800_000_000_000L, 86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L,
            1_000_000_000L, 1_000_000L, 1_000L};
        String[] names = {"w", "d", "h", "m", "s", "ms", "u"};
        for (int i = 0; i < units.length; i++) {
            if (d % units[i] == 0) {
                return d / units[i] + names[i];
            }
        }
        return d + "ns";
    }

    /** InfluxQL's QuoteIdent (see {@link kapacitor.influxdb.InfluxQLQuote#ident}). */
    public static String quoteIdent(String s) {
        return kapacitor.influxdb.InfluxQLQuote.ident(s);
    }

    private static String unquote(String s) {
        s = s.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }

    private static String goType(Object d) {
        return d == null ? "<nil>" : d.getClass().getSimpleName();
    }

    private static String firstWord(String q) {
        String t = q.trim();
        int sp = 0;
        while (sp < t.length() && !Character.isWhitespace(t.charAt(sp))) {
            sp++;
        }
        return sp == 0 ? "EOF" : t.substring(0, sp);
    }

    /**
     * The statement's clauses in order as (keyword, text) pairs, keyword upper-cased ("SELECT", "FROM", "GROUP BY",
     * ...); FILL and TZ keep their parenthesised argument as text.
     */
    static List<String[]> split(String query) {
        String q = query.trim();
        if (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1).trim();
        }
        List<int[]> marks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Scanner s = new Scanner(q);
        while (s.next()) {
            if (s.depth != 0 || s.quoted) {
                if (s.c == ';' && !s.quoted) {
                    throw new IllegalArgumentException("query must be a single select statement");
                }
                continue;
            }
            if (s.c == ';') {
                throw new IllegalArgumentException("query must be a single select statement, got 2 statements");
            }
            if (s.wordStart) {
                String kw = keywordAt(q, s.i, marks.isEmpty());
                if (kw != null) {
                    marks.add(new int[] {s.i, s.i + kw.length()});
                    names.add(kw.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
                    s.skipTo(s.i + kw.length() - 1);
                }
            }
        }
        List<String[]> out = new ArrayList<>();
        if (names.isEmpty() || !names.get(0).equals("SELECT") || marks.get(0)[0] != 0) {
            throw new IllegalArgumentException("failed to parse InfluxQL query: found " + firstWord(q)
                + ", expected SELECT");
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : q.length();
            out.add(new String[] {names.get(i), q.substring(marks.get(i)[1], end).trim()});
        }
        return out;
    }

    private static String keywordAt(String q, int i, boolean first) {
        if (first) {
            return q.regionMatches(true, i, "SELECT", 0, 6) && boundary(q, i + 6) ? q.substring(i, i + 6) : null;
        }
        for (String kw : CLAUSES) {
            if (kw.contains(" ")) {
                String[] w = kw.split(" ");
                if (q.regionMatches(true, i, w[0], 0, w[0].length())) {
                    int j = i + w[0].length();
                    int k = j;
                    while (k < q.length() && Character.isWhitespace(q.charAt(k))) {
                        k++;
                    }
                    if (k > j && q.regionMatches(true, k, w[1], 0, w[1].length()) && boundary(q, k + w[1].length())) {
                        return q.substring(i, k + w[1].length());
                    }
                }
            } else if (q.regionMatches(true, i, kw, 0, kw.length()) && boundary(q, i + kw.length())) {
                return q.substring(i, i + kw.length());
            }
        }
        return null;
    }

    private static boolean boundary(String q, int end) {
        return end >= q.length() || !(Character.isLetterOrDigit(q.charAt(end)) || q.charAt(end) == '_');
    }

    private static boolean hasTopLevelOr(String cond) {
        Scanner s = new Scanner(cond);
        while (s.next()) {
            if (s.depth == 0 && !s.quoted && s.wordStart && cond.regionMatches(true, s.i, "OR", 0, 2)
                && boundary(cond, s.i + 2)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> splitTopLevel(String text, char sep) {
        List<String> parts = new ArrayList<>();
        Scanner s = new Scanner(text);
        int from = 0;
        while (s.next()) {
            if (s.depth == 0 && !s.quoted && s.c == sep) {
                parts.add(text.substring(from, s.i));
                from = s.i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }

    /**
     * Walks InfluxQL text one character at a time, knowing whether it is inside a quoted identifier, a string, a
     * regex or parentheses. A '/' opens a regex after {@code =~}, {@code !~}, FROM or a comma, where InfluxQL allows
     * one; elsewhere it is division.
     */
    private static final class Scanner {
        private final String t;
        int i = -1;
        char c;
        int depth;
        boolean quoted;
        boolean wordStart;
        private char quote;
        private boolean escaped;
        private String lastToken = "";

        Scanner(String t) {
            this.t = t;
        }

        void skipTo(int index) {
            lastToken = t.substring(i, index + 1).toUpperCase(Locale.ROOT);
            i = index;
        }

        boolean next() {
            i++;
            if (i >= t.length()) {
                return false;
            }
            c = t.charAt(i);
            wordStart = false;
            if (quote != 0) {
                quoted = true;
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == quote) {
                    quote = 0;
                    lastToken = "'";
                }
                return true;
            }
            quoted = false;
            if (c == '\'' || c == '"' || (c == '/' && regexAllowed())) {
                quote = c;
                quoted = true;
                return true;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (Character.isLetter(c) || c == '_') {
                char prev = i == 0 ? ' ' : t.charAt(i - 1);
                wordStart = !(Character.isLetterOrDigit(prev) || prev == '_' || prev == '.');
                if (wordStart) {
                    int e = i;
                    while (e < t.length() && (Character.isLetterOrDigit(t.charAt(e)) || t.charAt(e) == '_')) {
                        e++;
                    }
                    lastToken = t.substring(i, e).toUpperCase(Locale.ROOT);
                }
            } else if (!Character.isWhitespace(c)) {
                if (c == '~' && i > 0 && (t.charAt(i - 1) == '=' || t.charAt(i - 1) == '!')) {
                    lastToken = "~";
                } else if (!Character.isLetterOrDigit(c)) {
                    lastToken = String.valueOf(c);
                }
            }
            return true;
        }

        private boolean regexAllowed() {
            return lastToken.equals("~") || lastToken.equals("FROM") || lastToken.equals(",");
        }
    }
}
