package kapacitor.util;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GlobTest {

    // Cases follow Go's path.Match semantics (bad patterns match nothing).
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "abc|abc|true",
        "*|abc|true",
        "*c|abc|true",
        "a*|a|true",
        "a*|abc|true",
        "a*|ab/c|false",
        "a*/b|abc/b|true",
        "a*/b|a/c/b|false",
        "a*b*c*d*e*/f|axbxcxdxe/f|true",
        "a*b*c*d*e*/f|axbxcxdxexxx/f|true",
        "a*b*c*d*e*/f|axbxcxdxe/xxx/f|false",
        "a*b?c*x|abxbbxdbxebxczzx|true",
        "a*b?c*x|abxbbxdbxebxczzy|false",
        "ab[c]|abc|true",
        "ab[b-d]|abc|true",
        "ab[e-g]|abc|false",
        "ab[^c]|abc|false",
        "ab[^b-d]|abc|false",
        "ab[^e-g]|abc|true",
        "a\\*b|a*b|true",
        "a\\*b|ab|false",
        "a?b|a☺b|true",
        "a[^a]b|a☺b|true",
        "a???b|a☺b|false",
        "a[^a][^a][^a]b|a☺b|false",
        "[a-ζ]*|α|true",
        "*[a-ζ]|A|false",
        "a?b|a/b|false",
        "a*b|a/b|false",
        "[\\]a]|]|true",
        "[\\-]|-|true",
        "[x\\-]|x|true",
        "[x\\-]|-|true",
        "[x\\-]|z|false",
        "[\\-x]|x|true",
        "[]a]|]|false",
        "[-]|-|false",
        "[x-]|x|false",
        "[a-b-c]|a|false",
        "[|a|false",
        "[^|a|false",
        "[^bc|a|false",
        "a[|a|false",
        "a[|ab|false",
        "*x|xxx|true",
        "a\\|a|false",
        "cpu_*|cpu_alert|true",
        "cpu_*|mem_alert|false",
    })
    void matchesLikeGoPathMatch(String pattern, String name, boolean expected) {
        assertEquals(expected, Glob.matches(pattern, name));
    }

    @ParameterizedTest
    @CsvSource({"'',anything,true", "'',,true"})
    void anEmptyPatternMatchesEverything(String pattern, String name, boolean expected) {
        assertEquals(expected, Glob.matchesOrEmpty(pattern, name == null ? "" : name));
    }
}
