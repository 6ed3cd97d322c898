package kapacitor.lineprotocol;

import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;

/**
 * Writes points as InfluxDB 1.x line protocol into a growable byte array, escaping as InfluxDB's
 * {@code models.Point.String()} does: floats in shortest plain decimal ('f', -1), integers with 'i', unsigned with
 * 'u', strings quoted with '"' and '\' escaped, booleans as true/false; tags with empty keys or values are left out.
 * Output parses back with {@link LineProtocolParser} to an equal point, except for text the format cannot carry
 * (newlines in names, keys or tag values; a key or tag value ending in a backslash; names starting with '#').
 *
 * <p>Not thread-safe; reuse one writer per thread with {@link #reset()}.
 */
public final class LineProtocolWriter {
    private byte[] out;
    private int size;

    public LineProtocolWriter() {
        this(1024);
    }

    public LineProtocolWriter(int initialCapacity) {
        out = new byte[Math.max(16, initialCapacity)];
    }

    /** One point as a line, without the newline. */
    public static String toLine(Point point, Precision precision) {
        LineProtocolWriter w = new LineProtocolWriter(128);
        w.writeLine(point, precision);
        return new String(w.out, 0, w.size, StandardCharsets.UTF_8);
    }

    /**
     * Appends {@code point} as one line ending in '\n', its time truncated to {@code precision}.
     *
     * @throws IllegalArgumentException if the point has no measurement or no fields, or a float field is NaN or
     *     infinite (InfluxDB cannot store them); nothing is appended then
     */
    public LineProtocolWriter append(Point point, Precision precision) {
        writeLine(point, precision);
        put((byte) '\n');
        return this;
    }

    public LineProtocolWriter appendAll(Iterable<Point> points, Precision precision) {
        for (Point p : points) {
            append(p, precision);
        }
        return this;
    }

    public int size() {
        return size;
    }

    public void reset() {
        size = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(out, size);
    }

    public Buffer toBuffer() {
        return Buffer.buffer(toByteArray());
    }

    @Override
    public String toString() {
        return new String(out, 0, size, StandardCharsets.UTF_8);
    }

    private void writeLine(Point point, Precision precision) {
        int lineStart = size;
        try {
            if (point.name() == null || point.name().isEmpty()) {
                throw new IllegalArgumentException("missing measurement");
            }
            Fields fields = point.fields();
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("point " + point.name() + " has no fields");
            }
            putEscaped(point.name(), Escapes.MEASUREMENT);
            Tags tags = point.tags();
            for (int i = 0; i < tags.size(); i++) {
                String k = tags.key(i);
                String v = tags.value(i);
                if (k.isEmpty() || v == null || v.isEmpty()) {
                    continue;
                }
                put((byte) ',');
                putEscaped(k, Escapes.TAG);
                put((byte) '=');
                putEscaped(v, Escapes.TAG);
            }
            put((byte) ' ');
            boolean any = false;
            for (int i = 0; i < fields.size(); i++) {
                if (fields.type(i) == Fields.NULL) {
                    // InfluxDB has no null field value: the field is simply not written.
                    continue;
                }
                if (any) {
                    put((byte) ',');
                }
                any = true;
                putEscaped(fields.key(i), Escapes.FIELD_KEY);
                put((byte) '=');
                putValue(fields, i);
            }
            if (!any) {
                throw new IllegalArgumentException("point " + point.name() + " has no fields with a value");
            }
            put((byte) ' ');
            putLong(precision.fromNanos(point.time()));
        } catch (IllegalArgumentException e) {
            size = lineStart;
            throw e;
        }
    }

    private void putValue(Fields fields, int i) {
        switch (fields.type(i)) {
            case Fields.FLOAT:
                putFloat(fields.key(i), fields.doubleAt(i));
                break;
            case Fields.INTEGER:
                putLong(fields.longAt(i));
                put((byte) 'i');
                break;
            case Fields.UNSIGNED:
                putAscii(Long.toUnsignedString(fields.longAt(i)));
                put((byte) 'u');
                break;
            case Fields.BOOLEAN:
                putAscii(fields.booleanAt(i) ? "true" : "false");
                break;
            default:
                putString(fields.stringAt(i));
        }
    }

    private void putFloat(String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(v + " is an unsupported value for field " + key);
        }
        long whole = (long) v;
        if (whole == v && Math.abs(v) < 1e15) {
            if (whole == 0 && Double.doubleToRawLongBits(v) != 0) {
                putAscii("-0");
            } else {
                putLong(whole);
            }
            return;
        }
        if (Math.abs(v) < 1e9 && putShortDecimal(v)) {
            return;
        }
        String s = Double.toString(v);
        if (s.indexOf('E') >= 0) {
            s = new BigDecimal(s).stripTrailingZeros().toPlainString();
        } else if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        putAscii(s);
    }

    /**
     * Writes {@code v} with the fewest fraction digits (up to six) that read back to exactly {@code v}: below 1e9 one
     * ulp is under 10^-6, so at most one such decimal exists per digit count and it is the shortest form, as Go's
     * FormatFloat(v, 'f', -1) prints. False when more digits are needed.
     */
    private boolean putShortDecimal(double v) {
        for (int k = 1; k <= 6; k++) {
            double scale = FastNumbers.POW10[k];
            double m = Math.rint(v * scale);
            if (m / scale == v) {
                long digits = (long) Math.abs(m);
                long unit = (long) scale;
                if (v < 0) {
                    put((byte) '-');
                }
                putLong(digits / unit);
                put((byte) '.');
                long fraction = digits % unit;
                for (long d = unit / 10; d > fraction && d > 1; d /= 10) {
                    put((byte) '0');
                }
                putLong(fraction);
                return true;
            }
        }
        return false;
    }

    private void putString(String s) {
        put((byte) '"');
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    put((byte) '\\');
                }
                i = putChar(s, i);
            }
        }
        put((byte) '"');
    }

    private void putEscaped(String s, Escapes escapes) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && escapes.needsEscape(c)) {
                put((byte) '\\');
            }
            i = putChar(s, i);
        }
    }

    /** Writes the character at {@code i} as UTF-8; returns the index of its last char (surrogate pairs use two). */
    private int putChar(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x80) {
            put((byte) c);
        } else if (c < 0x800) {
            put((byte) (0xC0 | (c >> 6)));
            put((byte) (0x80 | (c & 0x3F)));
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            put((byte) (0xF0 | (cp >> 18)));
            put((byte) (0x80 | ((cp >> 12) & 0x3F)));
            put((byte) (0x80 | ((cp >> 6) & 0x3F)));
            put((byte) (0x80 | (cp & 0x3F)));
            return i + 1;
        } else if (Character.isSurrogate(c)) {
            put((byte) '?'); // an unpaired surrogate has no UTF-8 form; String.getBytes does the same
        } else {
            put((byte) (0xE0 | (c >> 12)));
            put((byte) (0x80 | ((c >> 6) & 0x3F)));
            put((byte) (0x80 | (c & 0x3F)));
        }
        return i;
    }

    private void putAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    private void putLong(long v) {
        if (v == Long.MIN_VALUE) {
            putAscii("-9223372036854775808");
            return;
        }
        if (v < 0) {
            put((byte) '-');
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        ensure(digits);
        for (int k = size + digits - 1; k >= size; k--) {
            out[k] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size += digits;
    }

    private void put(byte b) {
        if (size == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[size++] = b;
    }

    private void ensure(int n) {
        if (size + n > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + n));
        }
    }
}
