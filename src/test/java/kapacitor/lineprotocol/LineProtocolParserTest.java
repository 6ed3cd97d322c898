package kapacitor.lineprotocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kapacitor.model.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LineProtocolParserTest {
    private static final long NOW = 1_700_000_000_123_456_789L;

    private static ParseResult parse(String body) {
        return new LineProtocolParser().parse(body, "db", "rp", Precision.NANOSECONDS, NOW);
    }

    static Stream<Arguments> validLines() {
        return Stream.of(
            Arguments.of("cpu value=1 1", "cpu||value=1.0F|1"),
            Arguments.of("cpu,host=a value=1.5 10", "cpu|host=a|value=1.5F|10"),
            Arguments.of("cpu,z=1,a=2,m=3 v=1 1", "cpu|a=2,m=3,z=1|v=1.0F|1"),
            Arguments.of("cpu v=1", "cpu||v=1.0F|" + NOW),
            Arguments.of("cpu v=1 ", "cpu||v=1.0F|" + NOW),
            Arguments.of("cpu v=1 \t ", "cpu||v=1.0F|" + NOW),
            Arguments.of("cpu,host=a,cpu=cpu3 usage_idle=87.03,usage_user=6.48 1700000012000000000",
                "cpu|cpu=cpu3,host=a|usage_idle=87.03F,usage_user=6.48F|1700000012000000000"),
            // measurement escapes: only comma and space
            Arguments.of("my\\ cpu v=1 1", "my cpu||v=1.0F|1"),
            Arguments.of("my\\,cpu,t=x v=1 1", "my,cpu|t=x|v=1.0F|1"),
            Arguments.of("my\\=cpu v=1 1", "my\\=cpu||v=1.0F|1"),
            Arguments.of("a=b v=1 1", "a=b||v=1.0F|1"),
            Arguments.of("a\\b v=1 1", "a\\b||v=1.0F|1"),
            Arguments.of("\\ lead v=1 1", " lead||v=1.0F|1"),
            Arguments.of("trail\\  v=1 1", "trail ||v=1.0F|1"),
            // tag escapes: comma, space, equals
            Arguments.of("m,t\\ k\\,x\\=y=v v=1 1", "m|t k,x=y=v|v=1.0F|1"),
            Arguments.of("m,t=v\\ a\\,b\\=c v=1 1", "m|t=v a,b=c|v=1.0F|1"),
            Arguments.of("m,t=a\\b v=1 1", "m|t=a\\b|v=1.0F|1"),
            Arguments.of("m,t=a\\\\b v=1 1", "m|t=a\\\\b|v=1.0F|1"),
            Arguments.of("m,t=\"q\" v=1 1", "m|t=\"q\"|v=1.0F|1"),
            Arguments.of("m,t=x\\  v=1 1", "m|t=x |v=1.0F|1"),
            Arguments.of("m,t==v v=1 1", "m|t==v|v=1.0F|1"),
            // field key escapes: comma, space, equals, quote
            Arguments.of("m f\\ k\\,x\\=y\\\"z=1 1", "m||f k,x=y\"z=1.0F|1"),
            Arguments.of("m \"k\"=1 1", "m||\"k\"=1.0F|1"),
            Arguments.of("m a\\b=1 1", "m||a\\b=1.0F|1"),
            // strings
            Arguments.of("m s=\"hello\" 1", "m||s=<hello>|1"),
            Arguments.of("m s=\"a\\\"b\\\\c\" 1", "m||s=<a\"b\\c>|1"),
            Arguments.of("m s=\"a\\nb\" 1", "m||s=<a\\nb>|1"),
            Arguments.of("m s=\"end\\\\\" 1", "m||s=<end\\>|1"),
            Arguments.of("m s=\"\" 1", "m||s=<>|1"),
            Arguments.of("m s=\"a, b=c d\",n=1i 1", "m||n=1I,s=<a, b=c d>|1"),
            Arguments.of("m s=\"line1\nline2\" 1", "m||s=<line1\nline2>|1"),
            Arguments.of("m s=\"#not a comment\" 1", "m||s=<#not a comment>|1"),
            Arguments.of("m\u00e9,t\u00e2g=v\u00e4lue \u5b57=\"\u65e5\u672c\",f=1 1",
                "m\u00e9|t\u00e2g=v\u00e4lue|f=1.0F,\u5b57=<\u65e5\u672c>|1"),
            Arguments.of("m e=\"\ud83d\ude00\" 1", "m||e=<\ud83d\ude00>|1"),
            // integers and unsigned
            Arguments.of("m i=-42i,j=0i,k=+0 1", null),
            Arguments.of("m i=-42i,j=0i 1", "m||i=-42I,j=0I|1"),
            Arguments.of("m a=9223372036854775807i,b=-9223372036854775808i 1",
                "m||a=9223372036854775807I,b=-9223372036854775808I|1"),
            Arguments.of("m u=18446744073709551615u,v=0u 1", "m||u=18446744073709551615U,v=0U|1"),
            // booleans
            Arguments.of("m a=t,b=T,c=true,d=True,e=TRUE 1", "m||a=trueB,b=trueB,c=trueB,d=trueB,e=trueB|1"),
            Arguments.of("m a=f,b=F,c=false,d=False,e=FALSE 1",
                "m||a=falseB,b=falseB,c=falseB,d=falseB,e=falseB|1"),
            // floats
            Arguments.of("m a=1.,b=.5,c=-1e-3,d=1E5,e=1e+2,f=-0,g=0.1 1",
                "m||a=1.0F,b=0.5F,c=-0.001F,d=100000.0F,e=100.0F,f=-0.0F,g=0.1F|1"),
            Arguments.of("m a=123456789012345678901234567890 1", "m||a=1.2345678901234568E29F|1"),
            Arguments.of("m a=1e-400 1", "m||a=0.0F|1"),
            Arguments.of("m a=00012.50 1", "m||a=12.5F|1"),
            // whitespace, line endings, duplicates
            Arguments.of("   m v=1 1", "m||v=1.0F|1"),
            Arguments.of("\t m v=1 1", "m||v=1.0F|1"),
            Arguments.of("m  v=1   1   ", "m||v=1.0F|1"),
            Arguments.of("m v=1 1\r", "m||v=1.0F|1"),
            Arguments.of("m v=1\r", "m||v=1.0F|" + NOW),
            Arguments.of("m v=1 -1", "m||v=1.0F|-1"),
            Arguments.of("m v=1 -9223372036854775806", "m||v=1.0F|-9223372036854775806"),
            Arguments.of("m v=1 9223372036854775806", "m||v=1.0F|9223372036854775806"),
            Arguments.of("m v=1 00000000000000000000042", "m||v=1.0F|42"),
            Arguments.of("m v=1 1700000012000000000", "m||v=1.0F|1700000012000000000"),
            Arguments.of("m a=1,a=2i 1", "m||a=2I|1"),
            Arguments.of("m b=1,a=2,b=\"x\" 1", "m||a=2.0F,b=<x>|1"))
            .filter(a -> a.get()[1] != null);
    }

    @ParameterizedTest
    @MethodSource("validLines")
    void parsesValidLine(String line, String expected) {
        ParseResult r = parse(line);
        assertEquals(List.of(), r.errors().stream().map(LineError::message).collect(Collectors.toList()));
        assertEquals(1, r.points().size());
        Point p = r.points().get(0);
        assertEquals(expected, PointText.of(p));
        assertEquals("db", p.db());
        assertEquals("rp", p.rp());
    }

    static Stream<Arguments> invalidLines() {
        return Stream.of(
            Arguments.of("cpu", "missing fields"),
            Arguments.of("cpu,host=a", "missing fields"),
            Arguments.of("cpu ", "invalid field format"),
            Arguments.of(",cpu v=1", "missing measurement"),
            Arguments.of("cpu,=a v=1", "missing tag key"),
            Arguments.of("cpu, a=1 v=1", "missing tag key"),
            Arguments.of("cpu,a v=1", "missing tag value"),
            Arguments.of("cpu,a,b=1 v=1", "missing tag value"),
            Arguments.of("cpu,a= v=1", "missing tag value"),
            Arguments.of("cpu,a=1, v=1", "missing tag key"),
            Arguments.of("cpu,a=b=c v=1", "invalid tag format"),
            Arguments.of("cpu,a=1,a=2 v=1", "duplicate tags"),
            Arguments.of("cpu,b=1,a=2,b=3 v=1", "duplicate tags"),
            Arguments.of("cpu v", "invalid field format"),
            Arguments.of("cpu v=", "missing field value"),
            Arguments.of("cpu v= 1", "missing field value"),
            Arguments.of("cpu v=,w=1", "missing field value"),
            Arguments.of("cpu =1", "missing field key"),
            Arguments.of("cpu v=1,=2", "missing field key"),
            Arguments.of("cpu v=1,w", "invalid field format"),
            Arguments.of("cpu v=1,", "invalid field format"),
            Arguments.of("cpu v=1 w=2", "bad timestamp"),
            Arguments.of("cpu v=abc", "invalid boolean"),
            Arguments.of("cpu v=tru", "invalid boolean"),
            Arguments.of("cpu v=tRUE", "invalid boolean"),
            Arguments.of("cpu v=falsey", "invalid boolean"),
            Arguments.of("cpu v=Inf", "invalid boolean"),
            Arguments.of("cpu v=+1", "invalid boolean"),
            Arguments.of("cpu v=1.1.1", "invalid number"),
            Arguments.of("cpu v=1a", "invalid number"),
            Arguments.of("cpu v=NaN", "invalid number"),
            Arguments.of("cpu v=nan", "invalid number"),
            Arguments.of("cpu v=-Inf", "invalid number"),
            Arguments.of("cpu v=-", "invalid number"),
            Arguments.of("cpu v=.", "invalid number"),
            Arguments.of("cpu v=-.,w=1", "invalid number"),
            Arguments.of("cpu v=1.5i", "invalid number"),
            Arguments.of("cpu v=1e5i", "invalid number"),
            Arguments.of("cpu v=1i5", "invalid number"),
            Arguments.of("cpu v=1ii", "invalid number"),
            Arguments.of("cpu v=-5u", "invalid number"),
            Arguments.of("cpu v=-i", "invalid number"),
            Arguments.of("cpu v=0x10", "invalid number"),
            Arguments.of("cpu v=1e400", "invalid float"),
            Arguments.of("cpu v=-1e400", "invalid float"),
            Arguments.of("cpu v=1e", "invalid float"),
            Arguments.of("cpu v=1e5e5", "invalid float"),
            Arguments.of("cpu v=9223372036854775808i", "unable to parse integer 9223372036854775808: "
                + "strconv.ParseInt: parsing \"9223372036854775808\": value out of range"),
            Arguments.of("cpu v=-9223372036854775809i", "unable to parse integer -9223372036854775809: "
                + "strconv.ParseInt: parsing \"-9223372036854775809\": value out of range"),
            Arguments.of("cpu v=18446744073709551616u", "unable to parse unsigned 18446744073709551616: "
                + "strconv.ParseUint: parsing \"18446744073709551616\": value out of range"),
            Arguments.of("cpu v=\"abc", "unbalanced quotes"),
            Arguments.of("cpu v=\"abc\\\"", "unbalanced quotes"),
            Arguments.of("cpu v=\"a\"b", "invalid field format"),
            Arguments.of("cpu v=1 abc", "bad timestamp"),
            Arguments.of("cpu v=1 1.5", "bad timestamp"),
            Arguments.of("cpu v=1 1\t", "bad timestamp"),
            Arguments.of("cpu v=1 1-2", "bad timestamp"),
            Arguments.of("cpu v=1 -", "strconv.ParseInt: parsing \"-\": invalid syntax"),
            Arguments.of("cpu v=1 99999999999999999999",
                "strconv.ParseInt: parsing \"99999999999999999999\": value out of range"),
            Arguments.of("cpu v=1 9223372036854775807",
                "time outside range -9223372036854775806 - 9223372036854775806"),
            Arguments.of("cpu v=1 -9223372036854775807",
                "time outside range -9223372036854775806 - 9223372036854775806"),
            Arguments.of("cpu v=1 -9223372036854775808",
                "time outside range -9223372036854775806 - 9223372036854775806"),
            Arguments.of("cpu v=1 9999999999999999999",
                "strconv.ParseInt: parsing \"9999999999999999999\": value out of range"),
            Arguments.of("cpu v=1 -9223372036854775809",
                "strconv.ParseInt: parsing \"-9223372036854775809\": value out of range"),
            Arguments.of("cpu v=1 1 x", "point is invalid"));
    }

    @ParameterizedTest
    @MethodSource("invalidLines")
    void rejectsInvalidLineWithInfluxText(String line, String reason) {
        ParseResult r = parse(line);
        assertEquals(0, r.points().size(), () -> "parsed " + r.points());
        assertEquals(List.of(new LineError(line.stripLeading(), reason)), r.errors());
        assertEquals("unable to parse '" + line + "': " + reason, r.errorMessage());
    }

    @Test
    void sameLineParsesAlikeThroughTheSeriesCache() {
        LineProtocolParser parser = new LineProtocolParser();
        String body = "m,t=x\\ y v=1 1\nm,t=x\\ y v=2 2\nm,t=x\\ y v=3 3\n";
        ParseResult r = parser.parse(body, "db", "rp", Precision.NANOSECONDS, NOW);
        assertEquals(3, r.points().size());
        assertEquals("x y", r.points().get(2).tags().get("t"));
        ParseResult again = parser.parse("cpu,host=a v=1 1\ncpu,host=a v=2 2\n", "db", "rp",
            Precision.NANOSECONDS, NOW);
        assertSame(again.points().get(0).tags(), again.points().get(1).tags());
        assertEquals("2.0", again.points().get(1).fields().get("v").toString());
    }

    @Test
    void fieldShapesChangingWithinOneSeriesParseCorrectly() {
        LineProtocolParser parser = new LineProtocolParser();
        String body = "m,t=1 a=1 1\nm,t=1 b=2i 2\nm,t=1 a=1,b=2 3\nm,t=1 a=\"s\" 4\nm,t=1 b=2,a=1 5\n"
            + "m,t=1 a=1,a=2 6\nm,t=1 a=3 7\nm,t=2 a=t 8\n";
        for (int round = 0; round < 2; round++) {
            ParseResult r = parser.parse(body, "db", "rp", Precision.NANOSECONDS, NOW);
            assertEquals(List.of("m|t=1|a=1.0F|1", "m|t=1|b=2I|2", "m|t=1|a=1.0F,b=2.0F|3", "m|t=1|a=<s>|4",
                "m|t=1|a=1.0F,b=2.0F|5", "m|t=1|a=2.0F|6", "m|t=1|a=3.0F|7", "m|t=2|a=trueB|8"),
                r.points().stream().map(PointText::of).collect(Collectors.toList()));
        }
    }

    @Test
    void sameBytesInDifferentPartsUnescapeByThatPartsRules() {
        // "a\=b" is a literal backslash in a measurement but an escaped '=' in a tag key and a field key.
        ParseResult r = parse("a\\=b,a\\=b=a\\=b a\\=b=1 1\na\\=b,a\\=b=x a\\=b=2 2");
        assertEquals("a\\=b|a=b=a=b|a=b=1.0F|1", PointText.of(r.points().get(0)));
        assertEquals("a\\=b|a=b=x|a=b=2.0F|2", PointText.of(r.points().get(1)));
    }

    @Test
    void skipsCommentsBlankLinesAndHandlesCrLf() {
        String body = "# a comment, with=\"things\n\r\n   \n\t\nm v=1 1\r\n\r\nm v=2 2\r\n#last";
        ParseResult r = parse(body);
        assertEquals(List.of(), r.errors());
        assertEquals(List.of("m||v=1.0F|1", "m||v=2.0F|2"),
            r.points().stream().map(PointText::of).collect(Collectors.toList()));
    }

    @Test
    void quotedNewlineBelongsToTheStringNotTheNextLine() {
        ParseResult r = parse("m s=\"a\nb\",v=1i 1\nm v=2 2\n");
        assertEquals(List.of("m||s=<a\nb>,v=1I|1", "m||v=2.0F|2"),
            r.points().stream().map(PointText::of).collect(Collectors.toList()));
    }

    @Test
    void unterminatedStringSwallowsTheRestOfTheBodyLikeInfluxDb() {
        ParseResult r = parse("m v=1 1\nm s=\"abc 2\nm v=3 3\n");
        assertEquals(1, r.points().size());
        assertEquals("unable to parse 'm s=\"abc 2\nm v=3 3': unbalanced quotes", r.errorMessage());
    }

    @Test
    void partialWriteKeepsGoodPointsAndReportsEachBadLine() {
        String body = "cpu v=1 1\nbad\ncpu v=2 2\ncpu v=x 3\n";
        ParseResult r = parse(body);
        assertEquals(2, r.points().size());
        assertEquals(2, r.droppedCount());
        assertTrue(r.hasErrors());
        assertEquals("unable to parse 'bad': missing fields\nunable to parse 'cpu v=x 3': invalid boolean",
            r.errorMessage());
        assertEquals("partial write: unable to parse 'bad': missing fields\n"
            + "unable to parse 'cpu v=x 3': invalid boolean dropped=2", r.partialWriteMessage());
    }

    @Test
    void goodBodyHasNoErrorText() {
        ParseResult r = parse("cpu v=1 1\n");
        assertEquals(null, r.errorMessage());
        assertEquals(null, r.partialWriteMessage());
        assertEquals(0, r.droppedCount());
    }

    @Test
    void emptyAndBlankBodiesGiveNothing() {
        assertEquals(0, parse("").points().size());
        assertEquals(0, parse("\n\n  \n").points().size());
        assertEquals(0, parse("\n\n  \n").droppedCount());
    }

    @Test
    void parsesAByteRangeInsideALargerArray() {
        byte[] data = "XXXcpu v=1 1\ncpu v=2 2YYY".getBytes(StandardCharsets.UTF_8);
        ParseResult r = new LineProtocolParser().parse(data, 3, data.length - 6, "db", "rp",
            Precision.NANOSECONDS, NOW);
        assertEquals(List.of("cpu||v=1.0F|1", "cpu||v=2.0F|2"),
            r.points().stream().map(PointText::of).collect(Collectors.toList()));
    }

    @Test
    void parsesAVertxBuffer() {
        ParseResult r = new LineProtocolParser().parse(io.vertx.core.buffer.Buffer.buffer("cpu v=1 7\n"),
            "db", "rp", Precision.SECONDS, NOW);
        assertEquals("cpu||v=1.0F|7000000000", PointText.of(r.points().get(0)));
    }

    static Stream<Arguments> precisions() {
        return Stream.of(
            Arguments.of(Precision.NANOSECONDS, 5L, NOW),
            Arguments.of(Precision.MICROSECONDS, 5_000L, 1_700_000_000_123_456_000L),
            Arguments.of(Precision.MILLISECONDS, 5_000_000L, 1_700_000_000_123_000_000L),
            Arguments.of(Precision.SECONDS, 5_000_000_000L, 1_700_000_000_000_000_000L),
            Arguments.of(Precision.MINUTES, 300_000_000_000L, 1_699_999_980_000_000_000L),
            Arguments.of(Precision.HOURS, 18_000_000_000_000L, 1_699_999_200_000_000_000L));
    }

    @ParameterizedTest
    @MethodSource("precisions")
    void convertsTimestampsAndTruncatesTheDefaultTime(Precision precision, long fiveUnits, long defaultTime) {
        ParseResult r = new LineProtocolParser().parse("m v=1 5\nm v=2\n", "db", "rp", precision, NOW);
        assertEquals(fiveUnits, r.points().get(0).time());
        assertEquals(defaultTime, r.points().get(1).time());
    }

    @Test
    void negativeDefaultTimeTruncatesDownward() {
        ParseResult r = new LineProtocolParser().parse("m v=1\n", "db", "rp", Precision.SECONDS, -1L);
        assertEquals(-1_000_000_000L, r.points().get(0).time());
    }

    @Test
    void timestampOverflowingInThePrecisionIsOutOfRange() {
        ParseResult r = new LineProtocolParser().parse("m v=1 9223372036855\nm v=1 9223372036854\n",
            "db", "rp", Precision.MILLISECONDS, NOW);
        assertEquals("unable to parse 'm v=1 9223372036855': "
            + "time outside range -9223372036854775806 - 9223372036854775806", r.errorMessage());
        assertEquals(9_223_372_036_854_000_000L, r.points().get(0).time());
    }

    @Test
    void seriesKeyLongerThanInfluxMaximumIsRejected() {
        String name = "m".repeat(65536);
        ParseResult r = parse(name + " v=1 1\n" + "m".repeat(65530) + " v=1 1\n");
        assertEquals(1, r.points().size());
        assertEquals("max key length exceeded: 65536 > 65535", r.errors().get(0).reason());
        ParseResult f = parse("m,t=" + "x".repeat(65520) + " " + "k".repeat(20) + "=1 1\n");
        assertEquals("max key length exceeded: 65548 > 65535", f.errors().get(0).reason());
    }

    @Test
    void escapedNewlineContinuesTheLineAsInfluxDbSplitsIt() {
        // InfluxDB's line splitter skips the byte after a backslash, so this is one line whose tag value holds a
        // backslash and a newline.
        ParseResult r = parse("m,t=a\\\nb v=1 1\n");
        assertEquals(List.of(), r.errors());
        assertEquals("m|t=a\\\nb|v=1.0F|1", PointText.of(r.points().get(0)));
    }

    @Test
    void floatsAreBitIdenticalToDoubleParseDouble() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        LineProtocolParser parser = new LineProtocolParser();
        StringBuilder body = new StringBuilder();
        List<String> texts = new java.util.ArrayList<>();
        for (int n = 0; n < 50_000; n++) {
            StringBuilder v = new StringBuilder();
            if (rnd.nextBoolean()) {
                v.append('-');
            }
            int intDigits = rnd.nextInt(0, 19);
            int fracDigits = rnd.nextInt(0, 24);
            for (int d = 0; d < intDigits; d++) {
                v.append((char) ('0' + rnd.nextInt(10)));
            }
            if (intDigits == 0 || fracDigits > 0 || rnd.nextBoolean()) {
                v.append('.');
                if (intDigits == 0 && fracDigits == 0) {
                    fracDigits = 1;
                }
            }
            for (int d = 0; d < fracDigits; d++) {
                v.append((char) ('0' + rnd.nextInt(10)));
            }
            if (rnd.nextInt(8) == 0) {
                v.append('e').append(rnd.nextInt(-300, 280));
            }
            texts.add(v.toString());
            body.append("m v=").append(v).append(" 1\n");
        }
        ParseResult r = parser.parse(body.toString(), "db", "rp", Precision.NANOSECONDS, NOW);
        assertEquals(List.of(), r.errors());
        for (int n = 0; n < texts.size(); n++) {
            double expected = Double.parseDouble(texts.get(n));
            double actual = r.points().get(n).fields().doubleAt(0);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), texts.get(n));
        }
    }
}
