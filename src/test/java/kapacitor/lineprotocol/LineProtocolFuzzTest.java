package kapacitor.lineprotocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random valid points round-trip through writer and parser; random byte mutations of their lines never make the
 * parser throw, the fast path always agrees with InfluxDB's split-then-parse path, and validating agrees with parsing.
 * Fixed seeds: reproducible.
 */
class LineProtocolFuzzTest {
    private static final String NAME_CHARS = "abcxyz019_-.:/ ,=\"\\\t\u00e9\u5b57#";
    private static final String STRING_CHARS = "ab ,=\"\\\n\r\t#\u00e9\ud83d\ude00";
    private static final byte[] MUTATION_BYTES = " ,=\"\\\n\r\t#-.+eEiutfTF0123456789aN\u0000".getBytes(
        StandardCharsets.ISO_8859_1);

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void generatedPointsRoundTripThroughWriterAndParser() {
        SplittableRandom rnd = new SplittableRandom(20240601);
        LineProtocolParser parser = new LineProtocolParser();
        for (Precision precision : Precision.values()) {
            List<Point> points = new ArrayList<>();
            LineProtocolWriter writer = new LineProtocolWriter();
            for (int n = 0; n < 3000; n++) {
                Point p = randomPoint(rnd, precision);
                points.add(p);
                writer.append(p, precision);
            }
            ParseResult r = parser.parse(writer.toByteArray(), 0, writer.size(), "db", "rp", precision, 0);
            assertEquals(List.of(), r.errors());
            assertEquals(points.size(), r.points().size());
            for (int n = 0; n < points.size(); n++) {
                Point expected = points.get(n);
                assertEquals(PointText.of(expected), PointText.of(r.points().get(n)),
                    LineProtocolWriter.toLine(expected, precision));
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedLinesNeverThrowAndFastPathAgreesWithInfluxSplitting() {
        SplittableRandom rnd = new SplittableRandom(42);
        LineProtocolParser fast = new LineProtocolParser();
        LineProtocolParser exact = new LineProtocolParser();
        exact.exactOnly = true;
        LineProtocolWriter writer = new LineProtocolWriter();
        int withPoints = 0;
        int withErrors = 0;
        for (int n = 0; n < 200_000; n++) {
            writer.reset();
            int lines = 1 + rnd.nextInt(3);
            for (int l = 0; l < lines; l++) {
                writer.append(randomPoint(rnd, Precision.NANOSECONDS), Precision.NANOSECONDS);
            }
            byte[] body = mutate(writer.toByteArray(), rnd);
            ParseResult a = fast.parse(body, 0, body.length, "db", "rp", Precision.NANOSECONDS, 7);
            ParseResult b = exact.parse(body, 0, body.length, "db", "rp", Precision.NANOSECONDS, 7);
            String input = new String(body, StandardCharsets.UTF_8);
            assertEquals(texts(b.points()), texts(a.points()), input);
            assertEquals(b.errors(), a.errors(), input);
            ParseResult v = fast.validate(body, 0, body.length, Precision.NANOSECONDS, 7);
            assertEquals(a.errors(), v.errors(), input);
            assertEquals(a.points().size(), v.accepted(), input);
            assertTrue(v.points().isEmpty(), input);
            for (Point p : a.points()) {
                assertFalse(p.name().isEmpty(), input);
                assertFalse(p.fields().isEmpty(), input);
            }
            withPoints += a.points().isEmpty() ? 0 : 1;
            withErrors += a.hasErrors() ? 1 : 0;
        }
        // Both outcomes must be well represented, or the mutations are not exercising the parser.
        assertTrue(withPoints > 20_000, "bodies with points: " + withPoints);
        assertTrue(withErrors > 20_000, "bodies with errors: " + withErrors);
    }

    /**
     * Lines of a few series that mostly repeat in one order (what the parser predicts), among keys that share
     * prefixes, escape their ends or run into newlines, with random mutations: the predicting fast path must still
     * agree with InfluxDB's split-then-parse path line for line, and validating with parsing.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void repeatedSeriesOrderWithLookalikeKeysAgreesWithInfluxSplitting() {
        String[] keys = {"cpu,host=a", "cpu,host=ab", "cpu,host=a\\ b", "cpu,host=a\\", "cpu", "cpu,host=a,x=y",
            "mem,host=a", "cpu,host=\"a\"", "cpu,host=a\\,b", "m\\ e"};
        String[] rests = {" v=1 1", " v=2i", " v=\"s\" 3", "  v=1 4", " v=1 5 ", " v= 6", " v=1\n7", ""};
        SplittableRandom rnd = new SplittableRandom(7);
        LineProtocolParser fast = new LineProtocolParser();
        LineProtocolParser exact = new LineProtocolParser();
        exact.exactOnly = true;
        int withPoints = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int lines = 1 + rnd.nextInt(12);
            int k = rnd.nextInt(keys.length);
            for (int l = 0; l < lines; l++) {
                // Mostly the next key in a fixed order, sometimes a jump, so predictions both hold and fail.
                k = rnd.nextInt(5) == 0 ? rnd.nextInt(keys.length) : (k + 1) % 4;
                sb.append(rnd.nextInt(8) == 0 ? " " : "").append(keys[k])
                    .append(rests[rnd.nextInt(6) == 0 ? rnd.nextInt(rests.length) : 0]).append('\n');
            }
            byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
            if (rnd.nextInt(3) == 0) {
                body = mutate(body, rnd);
            }
            ParseResult a = fast.parse(body, 0, body.length, "db", "rp", Precision.NANOSECONDS, 7);
            ParseResult b = exact.parse(body, 0, body.length, "db", "rp", Precision.NANOSECONDS, 7);
            String input = new String(body, StandardCharsets.UTF_8);
            assertEquals(texts(b.points()), texts(a.points()), input);
            assertEquals(b.errors(), a.errors(), input);
            ParseResult v = fast.validate(body, 0, body.length, Precision.NANOSECONDS, 7);
            assertEquals(a.errors(), v.errors(), input);
            assertEquals(a.points().size(), v.accepted(), input);
            withPoints += a.points().size();
        }
        assertTrue(withPoints > 50_000, "points: " + withPoints);
    }

    private static List<String> texts(List<Point> points) {
        return points.stream().map(PointText::of).collect(Collectors.toList());
    }

    private static byte[] mutate(byte[] in, SplittableRandom rnd) {
        byte[] b = in;
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = b.length == 0 ? 0 : rnd.nextInt(b.length);
            byte value = rnd.nextInt(4) == 0 ? (byte) rnd.nextInt(256)
                : MUTATION_BYTES[rnd.nextInt(MUTATION_BYTES.length)];
            switch (rnd.nextInt(3)) {
                case 0:
                    if (b.length > 0) {
                        b = b.clone();
                        b[at] = value;
                    }
                    break;
                case 1: {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = value;
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                    break;
                }
                default:
                    if (b.length > 0) {
                        byte[] c = new byte[b.length - 1];
                        System.arraycopy(b, 0, c, 0, at);
                        System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                        b = c;
                    }
            }
        }
        return b;
    }

    static Point randomPoint(SplittableRandom rnd, Precision precision) {
        String name = text(rnd, NAME_CHARS, 1 + rnd.nextInt(8), true);
        int nTags = rnd.nextInt(4);
        List<String> kv = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int t = 0; t < nTags; t++) {
            String k = text(rnd, NAME_CHARS, 1 + rnd.nextInt(6), false);
            if (used.contains(k)) {
                continue;
            }
            used.add(k);
            kv.add(k);
            kv.add(text(rnd, NAME_CHARS, 1 + rnd.nextInt(8), false));
        }
        int nFields = 1 + rnd.nextInt(4);
        java.util.LinkedHashMap<String, Object> fields = new java.util.LinkedHashMap<>();
        for (int f = 0; f < nFields; f++) {
            String key = fieldKey(rnd);
            switch (rnd.nextInt(6)) {
                case 0:
                    fields.put(key, rnd.nextLong());
                    break;
                case 1:
                    fields.put(key, rnd.nextBoolean());
                    break;
                case 2:
                    fields.put(key, text(rnd, STRING_CHARS, rnd.nextInt(10), false) + (rnd.nextBoolean() ? "\\" : ""));
                    break;
                case 3:
                    fields.put(key, Math.round(rnd.nextDouble(-1e6, 1e6)) / 100.0);
                    break;
                case 4:
                    fields.put(key, Double.longBitsToDouble(rnd.nextLong() & 0x7FEFFFFFFFFFFFFFL)
                        * (rnd.nextBoolean() ? 1 : -1));
                    break;
                default:
                    fields.put(key, rnd.nextDouble());
            }
        }
        Fields built = Fields.of(fields);
        if (rnd.nextInt(5) == 0) {
            // Unsigned values exist only in line protocol; put one in through the unsafe factory.
            built = withUnsigned(built, rnd.nextLong());
        }
        long time = rnd.nextLong(-4_000_000_000_000_000_000L, 4_000_000_000_000_000_000L);
        time = time / precision.nanos() * precision.nanos();
        return new Point(name, "db", "rp", Tags.of(kv.toArray(new String[0])), built, time);
    }

    private static Fields withUnsigned(Fields f, long bits) {
        String key = "zz_unsigned";
        int n = f.size();
        String[] keys = new String[n + 1];
        byte[] types = new byte[n + 1];
        long[] values = new long[n + 1];
        String[] strings = new String[n + 1];
        int out = 0;
        for (int i = 0; i <= n; i++) {
            if (key != null && (i == n || f.key(i).compareTo(key) > 0)) {
                keys[out] = key;
                types[out] = Fields.UNSIGNED;
                values[out++] = bits;
                key = null;
            }
            if (i == n) {
                break;
            }
            keys[out] = f.key(i);
            types[out] = f.type(i);
            values[out] = f.type(i) == Fields.FLOAT ? Double.doubleToRawLongBits(f.doubleAt(i))
                : f.type(i) == Fields.STRING ? 0 : f.longAt(i);
            strings[out++] = f.stringAt(i);
        }
        return Fields.ofSortedUnsafe(keys, types, values, strings);
    }

    /** Field keys: escapable characters allowed, but no backslash before one (InfluxDB cannot read that back). */
    private static String fieldKey(SplittableRandom rnd) {
        String k = text(rnd, NAME_CHARS, 1 + rnd.nextInt(6), false);
        return k.replace("\\", "/");
    }

    /** Random text without newlines and without a trailing backslash (line protocol cannot carry those). */
    private static String text(SplittableRandom rnd, String chars, int length, boolean name) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            int at = rnd.nextInt(chars.length());
            if (Character.isLowSurrogate(chars.charAt(at))) {
                continue;
            }
            int cp = chars.codePointAt(at);
            sb.appendCodePoint(cp);
        }
        String s = sb.toString();
        if (chars == NAME_CHARS) {
            // InfluxDB's line splitter reads "\\ " as an escaped backslash and a space, its key parser as a backslash
            // and an escaped space; such keys do not survive a body with multi-line strings, in InfluxDB either.
            s = s.replaceAll("\\\\(?=[ ,=\"])", "/");
        }
        while (s.endsWith("\\")) {
            s = s.substring(0, s.length() - 1) + "b";
        }
        if (name && (s.startsWith("#") || s.startsWith("\t"))) {
            s = "n" + s;
        }
        if (!name && chars == NAME_CHARS && s.startsWith("\t")) {
            s = "k" + s;
        }
        return s;
    }
}
