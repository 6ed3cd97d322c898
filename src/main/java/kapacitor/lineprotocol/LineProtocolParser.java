package kapacitor.lineprotocol;

import io.vertx.core.buffer.Buffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;

/**
 * Parses InfluxDB 1.x line protocol straight into {@link Point}s, following the acceptance rules and error texts of
 * InfluxDB's {@code models/points.go} (the parser Kapacitor's /write uses).
 *
 * <p>Each line is first parsed in one pass that treats any newline outside a string as the end of the line. InfluxDB
 * splits lines with a separate scanner whose escape and quote rules differ in corner cases, so a line that failed, had
 * a backslash or leading whitespace is re-split with InfluxDB's rules and, if the split differs or the line failed,
 * parsed again exactly within it; the error reason then is the one InfluxDB gives.
 *
 * <p>Known deliberate differences from InfluxDB 1.x: a trailing carriage return is ignored (CRLF bodies parse);
 * characters after a closing string quote other than ',' or ' ' are rejected as "invalid field format" (InfluxDB
 * keeps a mangled string); an empty field key after a tab is rejected as "missing field key"; a field key ending in
 * an escaped backslash is read as written (InfluxDB's field iterator mis-splits it).
 *
 * <p>Not thread-safe: a parser keeps caches of recent names, tag sets and field shapes; use one per thread.
 */
public final class LineProtocolParser {
    static final int MAX_KEY_LENGTH = 65535;
    private static final int NO_NEWLINE = 0x100; // never equal to a byte, so '\n' is an ordinary byte
    private static final String INVALID_NUMBER = "invalid number";
    private static final String INVALID_BOOLEAN = "invalid boolean";
    private static final String TIME_OUT_OF_RANGE =
        "time outside range -9223372036854775806 - 9223372036854775806";
    private static final long MIN_NANO_TIME = Long.MIN_VALUE + 2;
    private static final long MAX_NANO_TIME = Long.MAX_VALUE - 1;
    private static final int MAX_CACHED_STRING = 128;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long SPACES = ONES * ' ';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long NEWLINES = ONES * '\n';
    private static final long HASH_MULTIPLIER = 0x9E3779B97F4A7C15L;
    /** Bytes that need a decision while scanning a series key; all others are just hashed. */
    private static final boolean[] KEY_SPECIAL = new boolean[256];
    /** Bytes that need a decision while scanning field keys. */
    private static final boolean[] FIELD_KEY_SPECIAL = new boolean[256];

    static {
        for (char c : new char[] {' ', '\\', '\n'}) {
            KEY_SPECIAL[c] = true;
        }
        for (char c : new char[] {' ', '\\', '\n', '=', ','}) {
            FIELD_KEY_SPECIAL[c] = true;
        }
    }

    private final ByteKeyCache<String> strings = new ByteKeyCache<>(8192, MAX_CACHED_STRING);
    private final ByteKeyCache<Series> series = new ByteKeyCache<>(16384, 1024);
    private final FieldLayout[] layouts = new FieldLayout[512];
    /** Tests set this to parse every line only by InfluxDB's split-then-parse path, to compare with the fast path. */
    boolean exactOnly;

    // The body and mode of the line being parsed.
    private byte[] buf;
    private int lim;
    private int nl;
    private boolean suspicious;
    private String error;
    /** False while validating: field values are checked but not computed. */
    private boolean keepValues;

    // Results of the line being parsed.
    private Series lineSeries;
    /**
     * The series expected next: clients send their series in the same order batch after batch, so the line after one
     * of series A is usually of the series that followed A last time. Checking that guess costs one compare instead
     * of hashing the key and probing the cache. Its key length is read as soon as the guess is made, so the memory
     * holding the guess is being fetched while the rest of the current line is parsed.
     */
    private Series predicted;
    private int predictedLength = -1;
    /** The series of the last line whose key parsed, which the next one's series is linked after. */
    private Series lastSeries;
    private long lineTime;
    private int lineEnd;
    private long defaultTime;
    private long multiplier;

    // Scratch space, grown on demand.
    private int nTags;
    private int[] tagBounds = new int[32];
    private int nFields;
    private int[] fieldKeyStart = new int[8];
    private int[] fieldKeyEnd = new int[8];
    private byte[] fieldTypes = new byte[8];
    private long[] fieldBits = new long[8];
    private String[] fieldStrings = new String[8];
    private byte[] unescapeScratch = new byte[64];
    private final long[] longOut = new long[1];

    /**
     * A parsed series key, the field shape its last line had (lines of a series nearly always repeat it), and the
     * series whose line followed it last time. Only series in the cache link to others, and a series leaving the cache
     * drops its link, so the links never keep more series alive than the cache holds.
     */
    private static final class Series {
        final String name;
        final Tags tags;
        /** The key's bytes when they hold no backslash or newline (so they can be matched as they stand), else null. */
        byte[] key;
        FieldLayout layout;
        boolean cached;
        Series next;

        Series(String name, Tags tags) {
            this.name = name;
            this.tags = tags;
        }
    }

    /** Parses a request body; see {@link #parse(byte[], int, int, String, String, Precision, long)}. */
    public ParseResult parse(Buffer body, String db, String rp, Precision precision, long defaultTimeNanos) {
        byte[] bytes = body.getBytes();
        return parse(bytes, 0, bytes.length, db, rp, precision, defaultTimeNanos);
    }

    /** Parses UTF-8 text; for tests and small bodies. */
    public ParseResult parse(String body, String db, String rp, Precision precision, long defaultTimeNanos) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length, db, rp, precision, defaultTimeNanos);
    }

    /**
     * Parses {@code data[offset, offset+length)}. Timestamps are read in {@code precision}; lines without one get
     * {@code defaultTimeNanos} (the server time at receipt) truncated to the precision, as InfluxDB does. Never
     * throws on bad input: bad lines become {@link LineError}s and the other lines still produce points.
     */
    public ParseResult parse(byte[] data, int offset, int length, String db, String rp, Precision precision,
                             long defaultTimeNanos) {
        return run(data, offset, length, db, rp, precision, defaultTimeNanos,
            new ArrayList<>(Math.max(16, length / 64)));
    }

    /**
     * Checks {@code data[offset, offset+length)} exactly as {@link #parse} would (same errors, same number of good
     * lines) without building points: for bodies that no task, recording or other node wants, where the points
     * would be thrown away. The result has no points; {@link ParseResult#accepted()} counts the good lines.
     */
    public ParseResult validate(byte[] data, int offset, int length, Precision precision, long defaultTimeNanos) {
        return run(data, offset, length, null, null, precision, defaultTimeNanos, null);
    }

    /** The line loop of parse and validate: {@code points} receives each good line's point, or is null to count. */
    private ParseResult run(byte[] data, int offset, int length, String db, String rp, Precision precision,
                            long defaultTimeNanos, ArrayList<Point> points) {
        this.buf = data;
        this.multiplier = precision.nanos();
        this.defaultTime = precision.truncate(defaultTimeNanos);
        this.keepValues = points != null;
        int end = offset + length;
        int accepted = 0;
        List<LineError> errors = null;
        int pos = offset;
        while (pos < end) {
            int start = skipWhitespace(data, pos, end);
            if (start >= end) {
                break;
            }
            byte first = data[start];
            if (first == '\n') {
                pos = start + 1;
                continue;
            }
            if (first == '#') {
                pos = scanLine(data, pos, end) + 1;
                continue;
            }
            lim = end;
            nl = '\n';
            suspicious = start != pos;
            boolean ok = !exactOnly && parseLine(start);
            if (ok && !suspicious) {
                accept(points, db, rp);
                accepted++;
                pos = lineEnd + 1;
                continue;
            }
            int blockEnd = scanLine(data, pos, end);
            if (ok && blockEnd == lineEnd) {
                accept(points, db, rp);
                accepted++;
                pos = blockEnd + 1;
                continue;
            }
            int contentEnd = blockEnd;
            // A block that ran to the end inside a quote keeps its last newline; InfluxDB strips it.
            if (contentEnd > start && data[contentEnd - 1] == '\n') {
                contentEnd--;
            }
            if (contentEnd > start && data[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            pos = blockEnd + 1;
            if (contentEnd <= start) {
                continue;
            }
            lim = contentEnd;
            nl = NO_NEWLINE;
            if (parseLine(start)) {
                accept(points, db, rp);
                accepted++;
            } else {
                if (errors == null) {
                    errors = new ArrayList<>();
                }
                errors.add(new LineError(new String(data, start, contentEnd - start, StandardCharsets.UTF_8), error));
            }
        }
        this.buf = null;
        List<LineError> failed = errors == null ? Collections.emptyList() : errors;
        return points != null ? new ParseResult(points, failed) : ParseResult.counted(accepted, failed);
    }

    /** Adds the line just parsed to {@code points}; nothing to build when only counting. */
    private void accept(ArrayList<Point> points, String db, String rp) {
        if (points != null) {
            points.add(new Point(lineSeries.name, db, rp, lineSeries.tags, buildFields(), lineTime));
        }
    }

    /** InfluxDB's skipWhitespace: spaces, tabs and NUL bytes. */
    static int skipWhitespace(byte[] b, int i, int end) {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != 0) {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * InfluxDB's line splitter (models.scanLine): the index of the newline ending the line that starts at {@code i},
     * or {@code end}. A newline inside a quoted field value, or right after a backslash, does not end the line.
     */
    static int scanLine(byte[] b, int i, int end) {
        boolean quoted = false;
        boolean fields = false;
        int equals = 0;
        int commas = 0;
        while (i < end) {
            byte c = b[i];
            if (c == '\\' && i + 2 < end) {
                i += 2;
                continue;
            }
            if (c == ' ') {
                fields = true;
            }
            if (fields) {
                if (!quoted && c == '=') {
                    i++;
                    equals++;
                    continue;
                } else if (!quoted && c == ',') {
                    i++;
                    commas++;
                    continue;
                } else if (c == '"' && equals > commas) {
                    i++;
                    quoted = !quoted;
                    continue;
                }
            }
            if (c == '\n' && !quoted) {
                break;
            }
            i++;
        }
        return i;
    }

    private boolean fail(String reason) {
        error = reason;
        return false;
    }

    private int failAt(String reason) {
        error = reason;
        return -1;
    }

    private boolean atEnd(int i) {
        return i >= lim || buf[i] == nl;
    }

    private boolean parseLine(int p) {
        int keyEnd = parseSeriesKey(p);
        if (keyEnd < 0) {
            return false;
        }
        int fieldsEnd = parseFields(keyEnd, keyEnd - p);
        if (fieldsEnd < 0) {
            return false;
        }
        return parseTime(fieldsEnd);
    }

    // ---- measurement and tags ----

    /**
     * Finds the series key (up to the first unescaped space): the predicted series, else from the cache, else parsed.
     * Returns its end or -1.
     */
    private int parseSeriesKey(int p) {
        Series guess = predicted;
        int guessEnd = p + predictedLength;
        // A key without backslashes or newlines that is followed by a space ends exactly there (its last byte is no
        // backslash), as the scan below would find; the fast path only, where a newline ends the line.
        if (guess != null && guessEnd < lim && buf[guessEnd] == ' ' && nl == '\n'
            && ByteKeyCache.sameBytes(guess.key, buf, p, guessEnd)) {
            follow(guess);
            return guessEnd;
        }
        int end = lookupSeriesKey(p);
        if (end >= 0) {
            follow(lineSeries);
        }
        return end;
    }

    /** Makes {@code s} the line's series, links it after the previous line's series, and predicts the next. */
    private void follow(Series s) {
        Series previous = lastSeries;
        if (previous != null && previous.next != s && previous.cached && s.cached) {
            previous.next = s;
        }
        lastSeries = s;
        lineSeries = s;
        Series next = s.next;
        if (next != null && next.cached && next.key != null) {
            predicted = next;
            predictedLength = next.key.length;
        } else {
            predicted = null;
        }
    }

    /** Finds the series key in the cache, or parses it; returns its end or -1. */
    private int lookupSeriesKey(int p) {
        byte[] b = buf;
        int i = p;
        long h = 0;
        int keyEnd = -1;
        boolean escapes = false;
        // Eight bytes at a time while none is a space, backslash or newline (the usual bulk of a series key). The
        // word/byte split depends only on the key's own bytes, so equal keys always hash alike.
        int wordLimit = lim - 8;
        while (i <= wordLimit) {
            long w = (long) LONGS.get(b, i);
            if ((zeroBytes(w ^ SPACES) | zeroBytes(w ^ BACKSLASHES) | zeroBytes(w ^ NEWLINES)) != 0) {
                break;
            }
            h = (h ^ w) * HASH_MULTIPLIER;
            i += 8;
        }
        while (i < lim) {
            int c = b[i];
            if (KEY_SPECIAL[c & 0xFF]) {
                // The first byte is never a space (whitespace was skipped), so i > p here.
                if (c == ' ' && b[i - 1] != '\\') {
                    keyEnd = i;
                    break;
                }
                if (c == nl) {
                    break;
                }
                if (c == '\\') {
                    suspicious = true;
                    escapes = true;
                }
            }
            h = (h ^ c) * HASH_MULTIPLIER;
            i++;
        }
        int hash = (int) (h ^ (h >>> 32));
        if (keyEnd >= 0) {
            Series s = series.get(b, p, keyEnd, hash);
            if (s != null) {
                lineSeries = s;
                return keyEnd;
            }
        }
        int end = parseKey(p);
        if (end >= 0 && end == keyEnd && series.keeps(keyEnd - p)) {
            Series s = lineSeries;
            s.cached = true;
            if (!escapes && nl == '\n') {
                // The scan met no backslash and stopped at the first newline: the key's bytes can be matched as is.
                s.key = Arrays.copyOfRange(b, p, keyEnd);
            }
            Series evicted = series.put(b, p, keyEnd, hash, s);
            if (evicted != null) {
                evicted.cached = false;
                evicted.next = null;
            }
        }
        return end;
    }

    /** High bit set in each zero byte of {@code x} (the lowest flagged byte is always a real zero). */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /**
     * Parses measurement and tags by InfluxDB's scanMeasurement/scanTags rules: a byte is escaped when the byte before
     * it is a backslash. Returns the index of the space ending the key, or -1.
     */
    private int parseKey(int p) {
        byte[] b = buf;
        int i = p;
        if (atEnd(i) || b[i] == ',') {
            return failAt("missing measurement");
        }
        boolean tags;
        while (true) {
            i++;
            if (atEnd(i)) {
                return failAt("missing fields");
            }
            if (b[i - 1] == '\\') {
                continue;
            }
            if (b[i] == ',') {
                tags = true;
                break;
            }
            if (b[i] == ' ') {
                tags = false;
                break;
            }
        }
        int nameEnd = i;
        nTags = 0;
        while (tags) {
            i++;
            if (atEnd(i) || b[i] == ' ' || b[i] == ',' || b[i] == '=') {
                return failAt("missing tag key");
            }
            int keyStart = i;
            while (true) {
                i++;
                if (atEnd(i) || ((b[i] == ' ' || b[i] == ',') && b[i - 1] != '\\')) {
                    return failAt("missing tag value");
                }
                if (b[i] == '=' && b[i - 1] != '\\') {
                    break;
                }
            }
            int keyEnd = i;
            i++;
            if (atEnd(i) || b[i] == ',' || b[i] == ' ') {
                return failAt("missing tag value");
            }
            int valueStart = i;
            while (true) {
                i++;
                if (atEnd(i)) {
                    return failAt("missing fields");
                }
                if (b[i] == '=' && b[i - 1] != '\\') {
                    return failAt("invalid tag format");
                }
                if (b[i] == ',' && b[i - 1] != '\\') {
                    break;
                }
                if (b[i] == ' ' && b[i - 1] != '\\') {
                    tags = false;
                    break;
                }
            }
            addTag(keyStart, keyEnd, valueStart, i);
        }
        Tags tagSet = buildTags();
        if (tagSet == null) {
            return failAt("duplicate tags");
        }
        if (i - p > MAX_KEY_LENGTH) {
            return failAt("max key length exceeded: " + (i - p) + " > " + MAX_KEY_LENGTH);
        }
        lineSeries = new Series(string(p, nameEnd, Escapes.MEASUREMENT), tagSet);
        return i;
    }

    private void addTag(int keyStart, int keyEnd, int valueStart, int valueEnd) {
        int k = nTags * 4;
        if (k + 4 > tagBounds.length) {
            tagBounds = Arrays.copyOf(tagBounds, tagBounds.length * 2);
        }
        tagBounds[k] = keyStart;
        tagBounds[k + 1] = keyEnd;
        tagBounds[k + 2] = valueStart;
        tagBounds[k + 3] = valueEnd;
        nTags++;
    }

    /** Sorted tags from the scanned bounds, or null when a key repeats. */
    private Tags buildTags() {
        int n = nTags;
        if (n == 0) {
            return Tags.EMPTY;
        }
        String[] kv = new String[2 * n];
        for (int t = 0; t < n; t++) {
            int k = t * 4;
            String key = string(tagBounds[k], tagBounds[k + 1], Escapes.TAG);
            String value = string(tagBounds[k + 2], tagBounds[k + 3], Escapes.TAG);
            // Insertion sort: tags usually arrive sorted, so this is one comparison per tag.
            int j = 2 * t;
            while (j > 0 && kv[j - 2].compareTo(key) > 0) {
                kv[j] = kv[j - 2];
                kv[j + 1] = kv[j - 1];
                j -= 2;
            }
            kv[j] = key;
            kv[j + 1] = value;
        }
        for (int j = 2; j < 2 * n; j += 2) {
            if (kv[j].equals(kv[j - 2])) {
                return null;
            }
        }
        return Tags.ofSortedUnsafe(kv);
    }

    // ---- fields ----

    /**
     * Parses the field section by InfluxDB's scanFields rules (a backslash skips the next byte; '=' and ',' counted to
     * validate the shape), reading each value as it goes. Returns the index after the section, or -1.
     */
    private int parseFields(int keyEnd, int seriesKeyLength) {
        byte[] b = buf;
        int i = skipWhitespace(b, keyEnd, lim);
        int equals = 0;
        int commas = 0;
        int fieldKeyFrom = i;
        nFields = 0;
        while (i < lim) {
            int c = b[i];
            if (!FIELD_KEY_SPECIAL[c & 0xFF]) {
                i++;
                continue;
            }
            if (c == nl) {
                break;
            }
            if (c == '\\' && i + 1 < lim) {
                suspicious = true;
                i += 2;
                continue;
            }
            if (c == '=') {
                equals++;
                int before = b[i - 1];
                if ((before == ' ' || before == ',') && b[i - 2] != '\\' || i == fieldKeyFrom) {
                    return failAt("missing field key");
                }
                if (atEnd(i + 1)) {
                    return failAt("missing field value");
                }
                int next = b[i + 1];
                if (next == ',' || next == ' ') {
                    return failAt("missing field value");
                }
                int field = addField(fieldKeyFrom, i);
                if (isNumeric(next) || next == '-' || next == 'N' || next == 'n') {
                    i = scanNumber(i + 1, field);
                } else if (next != '"') {
                    i = scanBoolean(i + 1, field);
                } else {
                    i = scanString(i + 1, field);
                }
                if (i < 0) {
                    return -1;
                }
                continue;
            }
            if (c == ',') {
                commas++;
                fieldKeyFrom = i + 1;
            } else if (c == ' ') {
                break;
            }
            i++;
        }
        if (equals == 0 || commas != equals - 1) {
            return failAt("invalid field format");
        }

        for (int f = 0; f < nFields; f++) {
            int size = seriesKeyLength + 4 + fieldKeyEnd[f] - fieldKeyStart[f];
            if (size > MAX_KEY_LENGTH) {
                return failAt("max key length exceeded: " + size + " > " + MAX_KEY_LENGTH);
            }
        }
        return i;
    }

    private static boolean isNumeric(int c) {
        return (c >= '0' && c <= '9') || c == '.';
    }

    private int addField(int keyStart, int keyEnd) {
        int f = nFields;
        if (f == fieldKeyStart.length) {
            int n = f * 2;
            fieldKeyStart = Arrays.copyOf(fieldKeyStart, n);
            fieldKeyEnd = Arrays.copyOf(fieldKeyEnd, n);
            fieldTypes = Arrays.copyOf(fieldTypes, n);
            fieldBits = Arrays.copyOf(fieldBits, n);
            fieldStrings = Arrays.copyOf(fieldStrings, n);
        }
        fieldKeyStart[f] = keyStart;
        fieldKeyEnd[f] = keyEnd;
        nFields = f + 1;
        return f;
    }

    /** InfluxDB's scanNumber acceptance rules and error texts; stores the value. Returns the end or -1. */
    private int scanNumber(int i, int field) {
        int end = scanPlainNumber(i, field);
        return end >= 0 ? end : scanAnyNumber(i, field);
    }

    /**
     * The common cases in one pass: {@code [-]digits[.digits]} read exactly (Clinger's fast path: mantissa below 2^53,
     * at most 22 fraction digits, so one IEEE division of exact operands gives Double.parseDouble's result) and
     * {@code [-]digits i} of at most 18 digits. Returns -1 for anything else, which the general path then handles.
     */
    private int scanPlainNumber(int i, int field) {
        byte[] b = buf;
        int j = i;
        boolean negative = b[j] == '-';
        if (negative) {
            j++;
        }
        long mantissa = 0;
        int digits = 0;
        int dot = -1;
        int c = -1;
        while (j < lim) {
            c = b[j];
            int d = c - '0';
            if (d >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                digits++;
            } else if (c == '.' && dot < 0) {
                dot = j;
            } else {
                break;
            }
            j++;
        }
        if (digits == 0 || digits > 18) {
            return -1;
        }
        if (j == lim || c == ',' || c == ' ' || c == nl) {
            int fractionDigits = dot < 0 ? 0 : j - dot - 1;
            if (mantissa > FastNumbers.MAX_EXACT_MANTISSA || fractionDigits > 22) {
                return -1;
            }
            fieldTypes[field] = Fields.FLOAT;
            if (keepValues) {
                // The division is most of this path's cost; a body that is only validated needs no values.
                double v = fractionDigits == 0 ? (double) mantissa : mantissa / FastNumbers.POW10[fractionDigits];
                fieldBits[field] = Double.doubleToRawLongBits(negative ? -v : v);
            }
            return j;
        }
        if (c == 'i' && dot < 0) {
            int after = j + 1;
            if (after < lim && b[after] != ',' && b[after] != ' ' && b[after] != nl) {
                return -1;
            }
            fieldTypes[field] = Fields.INTEGER;
            fieldBits[field] = negative ? -mantissa : mantissa;
            return after;
        }
        return -1;
    }

    private int scanAnyNumber(int i, int field) {
        byte[] b = buf;
        int start = i;
        boolean isInt = false;
        boolean isUnsigned = false;
        boolean decimal = false;
        boolean scientific = false;
        if (b[i] == '-') {
            i++;
            if (i == lim) {
                return failAt(INVALID_NUMBER);
            }
        }
        while (i < lim) {
            int c = b[i];
            if (c == ',' || c == ' ' || c == nl) {
                break;
            }
            if (c == 'i' && i > start && !(isInt || isUnsigned)) {
                isInt = true;
                i++;
                continue;
            }
            if (c == 'u' && i > start && !(isInt || isUnsigned)) {
                isUnsigned = true;
                i++;
                continue;
            }
            if (c == '.') {
                if (decimal) {
                    return failAt(INVALID_NUMBER);
                }
                decimal = true;
            }
            if (i > start && (c == 'e' || c == 'E')) {
                scientific = true;
                i++;
                continue;
            }
            if ((c == '+' || c == '-') && (b[i - 1] == 'e' || b[i - 1] == 'E')) {
                i++;
                continue;
            }
            if (!isNumeric(c)) {
                return failAt(INVALID_NUMBER);
            }
            i++;
        }
        if ((isInt || isUnsigned) && (decimal || scientific)) {
            return failAt(INVALID_NUMBER);
        }
        int digits = i - start;
        if (isInt) {
            digits--;
        }
        if (decimal) {
            digits--;
        }
        if (b[start] == '-') {
            digits--;
        }
        if (digits == 0) {
            return failAt(INVALID_NUMBER);
        }
        if (isInt) {
            if (b[i - 1] != 'i') {
                return failAt(INVALID_NUMBER);
            }
            if (!FastNumbers.parseLong(b, start, i - 1, longOut)) {
                String text = ascii(start, i - 1);
                return failAt("unable to parse integer " + text + ": strconv.ParseInt: parsing \"" + text
                    + "\": value out of range");
            }
            fieldTypes[field] = Fields.INTEGER;
            fieldBits[field] = longOut[0];
        } else if (isUnsigned) {
            if (b[i - 1] != 'u' || b[start] == '-') {
                return failAt(INVALID_NUMBER);
            }
            if (!FastNumbers.parseUnsigned(b, start, i - 1, longOut)) {
                String text = ascii(start, i - 1);
                return failAt("unable to parse unsigned " + text + ": strconv.ParseUint: parsing \"" + text
                    + "\": value out of range");
            }
            fieldTypes[field] = Fields.UNSIGNED;
            fieldBits[field] = longOut[0];
        } else {
            double v = scientific ? Double.NaN : FastNumbers.simpleDecimal(b, start, i);
            if (Double.isNaN(v)) {
                try {
                    v = Double.parseDouble(ascii(start, i));
                } catch (NumberFormatException e) {
                    return failAt("invalid float");
                }
                // Go's ParseFloat reports overflow to infinity as an error; underflow to zero is fine.
                if (Double.isInfinite(v) || Double.isNaN(v)) {
                    return failAt("invalid float");
                }
            }
            fieldTypes[field] = Fields.FLOAT;
            fieldBits[field] = Double.doubleToRawLongBits(v);
        }
        return i;
    }

    /** InfluxDB's scanBoolean: t, T, true, True, TRUE, f, F, false, False, FALSE. */
    private int scanBoolean(int i, int field) {
        byte[] b = buf;
        int start = i;
        int c = b[i];
        if (c != 't' && c != 'f' && c != 'T' && c != 'F') {
            return failAt(INVALID_BOOLEAN);
        }
        i++;
        while (i < lim) {
            int d = b[i];
            if (d == ',' || d == ' ' || d == nl) {
                break;
            }
            i++;
        }
        int n = i - start;
        boolean valid;
        switch (n) {
            case 1:
                valid = true;
                break;
            case 4:
                valid = c == 't' ? matches(start, "true")
                    : c == 'T' && (matches(start, "TRUE") || matches(start, "True"));
                break;
            case 5:
                valid = c == 'f' ? matches(start, "false")
                    : c == 'F' && (matches(start, "FALSE") || matches(start, "False"));
                break;
            default:
                valid = false;
        }
        if (!valid) {
            return failAt(INVALID_BOOLEAN);
        }
        boolean value = c == 't' || c == 'T';
        fieldTypes[field] = Fields.BOOLEAN;
        fieldBits[field] = value ? 1 : 0;
        return i;
    }

    private boolean matches(int at, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (buf[at + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A double-quoted string starting at the quote {@code i}; backslash escapes only '"' and '\'. */
    private int scanString(int i, int field) {
        byte[] b = buf;
        int from = i + 1;
        int j = from;
        boolean escaped = false;
        while (true) {
            if (j >= lim) {
                return failAt("unbalanced quotes");
            }
            int c = b[j];
            if (c == '\\' && j + 1 < lim) {
                escaped = true;
                suspicious = true;
                j += 2;
                continue;
            }
            if (c == '"') {
                break;
            }
            j++;
        }
        int after = j + 1;
        if (after < lim && b[after] != ',' && b[after] != ' ' && b[after] != nl) {
            return failAt("invalid field format");
        }
        fieldTypes[field] = Fields.STRING;
        if (keepValues) {
            fieldStrings[field] = escaped ? unescapeString(from, j)
                : new String(b, from, j - from, StandardCharsets.UTF_8);
        }
        return after;
    }

    private String unescapeString(int from, int to) {
        byte[] out = scratch(to - from);
        int n = 0;
        for (int i = from; i < to; i++) {
            byte c = buf[i];
            if (c == '\\' && i + 1 < to && (buf[i + 1] == '"' || buf[i + 1] == '\\')) {
                c = buf[++i];
            }
            out[n++] = c;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private Fields buildFields() {
        int n = nFields;
        Series series = lineSeries;
        FieldLayout layout = series.layout;
        if (layout == null || !layout.matches(buf, n, fieldKeyStart, fieldKeyEnd, fieldTypes)) {
            layout = sharedLayout(n);
            series.layout = layout;
        }
        int size = layout.sortedKeys.length;
        long[] bits = new long[size];
        String[] strs = layout.hasStrings ? new String[size] : null;
        int[] target = layout.target;
        for (int f = 0; f < n; f++) {
            int t = target[f];
            if (t >= 0) {
                bits[t] = fieldBits[f];
                if (strs != null) {
                    strs[t] = fieldStrings[f];
                }
            }
            fieldStrings[f] = null;
        }
        return Fields.ofSortedUnsafe(layout.sortedKeys, layout.sortedTypes, bits, strs);
    }

    /** The layout of this line's fields from the cache shared by all series, building it on a miss. */
    private FieldLayout sharedLayout(int n) {
        int h = n;
        for (int f = 0; f < n; f++) {
            h = 31 * h + ByteKeyCache.hash(buf, fieldKeyStart[f], fieldKeyEnd[f]);
            h = 31 * h + fieldTypes[f];
        }
        int slot = (h * 0x9E3779B9 >>> 16) & (layouts.length - 1);
        FieldLayout layout = layouts[slot];
        if (layout == null || !layout.matches(buf, n, fieldKeyStart, fieldKeyEnd, fieldTypes)) {
            String[] keys = new String[n];
            for (int f = 0; f < n; f++) {
                keys[f] = string(fieldKeyStart[f], fieldKeyEnd[f], Escapes.FIELD_KEY);
            }
            layout = FieldLayout.build(buf, n, fieldKeyStart, fieldKeyEnd, fieldTypes, keys);
            layouts[slot] = layout;
        }
        return layout;
    }

    // ---- timestamp ----

    /** InfluxDB's scanTime, then the integer parse, precision multiply and range check, then trailing spaces. */
    private boolean parseTime(int i) {
        byte[] b = buf;
        i = skipWhitespace(b, i, lim);
        int start = i;
        long value = 0;
        int digits = 0;
        if (i < lim && b[i] == '-') {
            i++;
        }
        // Nanosecond timestamps have 19 digits: take them eight at a time.
        while (i <= lim - 8) {
            long w = (long) LONGS.get(b, i);
            if ((((w + 0x4646464646464646L) | (w - 0x3030303030303030L)) & HIGHS) != 0) {
                break;
            }
            value = value * 100_000_000L + eightDigits(w);
            digits += 8;
            i += 8;
        }
        while (i < lim) {
            int c = b[i];
            int d = c - '0';
            if (d >= 0 && d <= 9) {
                value = value * 10 + d;
                digits++;
            } else if (c == '\n' || c == ' ') {
                break;
            } else if (!(i == start && c == '-')) {
                return fail("bad timestamp");
            }
            i++;
        }
        if (i == start) {
            // No timestamp: InfluxDB checks nothing after the fields in this case.
            lineTime = defaultTime;
            lineEnd = i;
            return true;
        }
        if (i - start == 1 && b[start] == '-') {
            return fail("strconv.ParseInt: parsing \"-\": invalid syntax");
        }
        long ts;
        boolean negative = b[start] == '-';
        // Up to 19 digits the accumulated value is exact as an unsigned 64-bit number (below 10^19 < 2^64).
        if (digits <= 19 && (value >= 0 || (negative && value == Long.MIN_VALUE))) {
            ts = negative ? -value : value;
        } else if (FastNumbers.parseLong(b, start, i, longOut)) {
            ts = longOut[0];
        } else {
            return fail("strconv.ParseInt: parsing \"" + ascii(start, i) + "\": value out of range");
        }
        long nanos = ts * multiplier;
        if (multiplier != 1 && Math.multiplyHigh(ts, multiplier) != (nanos >> 63)) {
            return fail(TIME_OUT_OF_RANGE);
        }
        if (nanos < MIN_NANO_TIME || nanos > MAX_NANO_TIME) {
            return fail(TIME_OUT_OF_RANGE);
        }
        while (i < lim && b[i] != nl) {
            if (b[i] != ' ') {
                return fail("point is invalid");
            }
            i++;
        }
        lineTime = nanos;
        lineEnd = i;
        return true;
    }

    /** The value of eight ASCII digits read little-endian (first digit in the lowest byte), in three multiplies. */
    private static long eightDigits(long w) {
        w -= 0x3030303030303030L;
        w = w * 10 + (w >>> 8);
        return (((w & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)))
            + (((w >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32)))) >>> 32;
    }

    // ---- strings ----

    /** The unescaped text of {@code buf[from, to)}, from the cache when it has no escapes. */
    private String string(int from, int to, Escapes escapes) {
        byte[] b = buf;
        boolean plain = true;
        int h = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '\\') {
                plain = false;
                break;
            }
            h = 31 * h + c;
        }
        if (!plain) {
            return unescape(from, to, escapes);
        }
        String s = strings.get(b, from, to, h);
        if (s == null) {
            s = new String(b, from, to - from, StandardCharsets.UTF_8);
            strings.put(b, from, to, h, s);
        }
        return s;
    }

    private String unescape(int from, int to, Escapes escapes) {
        byte[] out = scratch(to - from);
        int n = 0;
        for (int i = from; i < to; i++) {
            byte c = buf[i];
            if (c == '\\' && i + 1 < to && escapes.unescapes(buf[i + 1])) {
                c = buf[++i];
            }
            out[n++] = c;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private byte[] scratch(int n) {
        if (unescapeScratch.length < n) {
            unescapeScratch = new byte[Math.max(n, unescapeScratch.length * 2)];
        }
        return unescapeScratch;
    }

    private String ascii(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
