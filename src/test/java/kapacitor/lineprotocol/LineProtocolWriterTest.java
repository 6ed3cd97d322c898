package kapacitor.lineprotocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LineProtocolWriterTest {

    private static Point point(String name, Tags tags, Fields fields, long time) {
        return new Point(name, "db", "rp", tags, fields, time);
    }

    static Stream<Arguments> lines() {
        return Stream.of(
            Arguments.of(point("cpu", Tags.of("host", "h1", "cpu", "cpu3"), Fields.of("usage_idle", 87.03,
                "usage_user", 6.48), 1_700_000_012_000_000_000L),
                "cpu,cpu=cpu3,host=h1 usage_idle=87.03,usage_user=6.48 1700000012000000000"),
            Arguments.of(point("my cpu,x=y", Tags.of("t k,=", "v a,=l"), Fields.of("f k,=\"", 1L), 1),
                "my\\ cpu\\,x=y,t\\ k\\,\\==v\\ a\\,\\=l f\\ k\\,\\=\\\"=1i 1"),
            Arguments.of(point("m", Tags.EMPTY, Fields.of("s", "say \"hi\" \\ back\\"), 1),
                "m s=\"say \\\"hi\\\" \\\\ back\\\\\" 1"),
            Arguments.of(point("m", Tags.EMPTY, Fields.of("s", ""), 1), "m s=\"\" 1"),
            Arguments.of(point("m", Tags.EMPTY, Fields.of("a", true, "b", false), -5), "m a=true,b=false -5"),
            Arguments.of(point("m", Tags.EMPTY, Fields.of("a", 1.0, "b", -0.0, "c", 1e21, "d", 1e-7, "e", 0.1,
                "f", -2.5e300), 0),
                "m a=1,b=-0,c=1000000000000000000000,d=0.0000001,e=0.1,f=-25" + "0".repeat(299) + " 0"),
            Arguments.of(point("m", Tags.of("empty", "", "x", "1"), Fields.of("v", Long.MIN_VALUE), 0),
                "m,x=1 v=-9223372036854775808i 0"),
            Arguments.of(point("m\u00e9", Tags.of("k\u00e9", "\u65e5"), Fields.of("\ud83d\ude00", "\u5b57"), 0),
                "m\u00e9,k\u00e9=\u65e5 \ud83d\ude00=\"\u5b57\" 0"));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void writesInfluxLineAndReadsItBack(Point p, String expected) {
        String line = LineProtocolWriter.toLine(p, Precision.NANOSECONDS);
        assertEquals(expected, line);
        ParseResult r = new LineProtocolParser().parse(line, "db", "rp", Precision.NANOSECONDS, 0);
        assertEquals(List.of(), r.errors());
        Point back = r.points().get(0);
        Tags nonEmpty = Tags.of(p.tags().toMap().entrySet().stream().filter(e -> !e.getValue().isEmpty())
            .flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray(String[]::new));
        assertEquals(PointText.of(p.withTags(nonEmpty)), PointText.of(back));
    }

    @Test
    void floatsAreShortestPlainDecimalsThatReadBackExactly() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        LineProtocolParser parser = new LineProtocolParser();
        for (int n = 0; n < 20_000; n++) {
            double v = switch4(rnd);
            String line = LineProtocolWriter.toLine(point("m", Tags.EMPTY, Fields.of("v", v), 0),
                Precision.NANOSECONDS);
            String text = line.substring(4, line.length() - 2);
            assertEquals(-1, text.indexOf('E'), line);
            double back = parser.parse(line, "db", "rp", Precision.NANOSECONDS, 0).points().get(0).fields()
                .doubleAt(0);
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(back), line);
            // Shortest: Java's BigDecimal of the double's shortest repr has no more fraction digits.
            String shortest = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
            if (Math.abs(v) < 1e9) {
                assertEquals(shortest.replaceFirst("^(-?)0+(?=\\d)", "$1"), text, line);
            }
        }
    }

    private static double switch4(java.util.SplittableRandom rnd) {
        switch (rnd.nextInt(4)) {
            case 0:
                return Math.round(rnd.nextDouble(-1e6, 1e6)) / 100.0;
            case 1:
                return rnd.nextDouble() * Math.pow(10, rnd.nextInt(-8, 12));
            case 2:
                return Math.round(rnd.nextDouble(-1e9, 1e9)) / 1e6;
            default:
                return Double.longBitsToDouble(rnd.nextLong() & 0x7FEFFFFFFFFFFFFFL);
        }
    }

    @Test
    void writesUnsignedWithU() {
        Fields f = Fields.ofSortedUnsafe(new String[] {"u"}, new byte[] {Fields.UNSIGNED}, new long[] {-1L}, null);
        assertEquals("m u=18446744073709551615u 0", LineProtocolWriter.toLine(point("m", Tags.EMPTY, f, 0),
            Precision.NANOSECONDS));
    }

    /** A join's fill('null') field has no value InfluxDB could store: it is left out, and a point of only those fails. */
    @Test
    void skipsNullFields() {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("a", null);
        m.put("b", 1L);
        m.put("c", null);
        assertEquals("m b=1i 0", LineProtocolWriter.toLine(point("m", Tags.EMPTY, Fields.of(m), 0),
            Precision.NANOSECONDS));
        java.util.Map<String, Object> none = new java.util.HashMap<>();
        none.put("a", null);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> LineProtocolWriter.toLine(point("m", Tags.EMPTY, Fields.of(none), 0), Precision.NANOSECONDS));
    }

    @Test
    void writesTimeInThePrecisionTruncatedTowardZero() {
        Point p = point("m", Tags.EMPTY, Fields.of("v", 1L), 1_999_999_999L);
        assertEquals("m v=1i 1", LineProtocolWriter.toLine(p, Precision.SECONDS));
        assertEquals("m v=1i -1", LineProtocolWriter.toLine(p.withTime(-1_999_999_999L), Precision.SECONDS));
        assertEquals("m v=1i 1999999", LineProtocolWriter.toLine(p, Precision.MICROSECONDS));
    }

    @Test
    void appendsLinesWithNewlines() {
        LineProtocolWriter w = new LineProtocolWriter(16);
        w.append(point("a", Tags.EMPTY, Fields.of("v", 1L), 1), Precision.NANOSECONDS)
            .appendAll(List.of(point("b", Tags.EMPTY, Fields.of("v", 2L), 2)), Precision.NANOSECONDS);
        assertEquals("a v=1i 1\nb v=2i 2\n", w.toString());
        assertEquals(w.toString(), w.toBuffer().toString());
        w.reset();
        assertEquals(0, w.size());
    }

    @Test
    void refusesWhatInfluxCannotStoreAndLeavesNothingBehind() {
        LineProtocolWriter w = new LineProtocolWriter();
        w.append(point("ok", Tags.EMPTY, Fields.of("v", 1L), 1), Precision.NANOSECONDS);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
            () -> w.append(point("m", Tags.EMPTY, Fields.of("a", 1L, "v", Double.NaN), 1), Precision.NANOSECONDS));
        assertEquals("NaN is an unsupported value for field v", nan.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> w.append(point("m", Tags.EMPTY, Fields.EMPTY, 1), Precision.NANOSECONDS));
        assertEquals("ok v=1i 1\n", w.toString());
    }
}
