package kapacitor.tick.lexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kapacitor.tick.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LexerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Cases of Kapacitor's lexer test: "input <json>" then one "TYPE pos <json value>" line per token. */
    static Stream<Arguments> kapacitorCases() throws JsonProcessingException {
        List<Arguments> cases = new ArrayList<>();
        for (String block : TestResources.read("tick/lexer/tokens.txt").split("\n\n")) {
            String[] lines = block.strip().split("\n");
            String input = JSON.readValue(lines[0].substring("input ".length()), String.class);
            List<Token> tokens = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] parts = lines[i].split(" ", 3);
                tokens.add(new Token(TokenType.valueOf(parts[0]), Integer.parseInt(parts[1]),
                    JSON.readValue(parts[2], String.class)));
            }
            cases.add(Arguments.of(input, tokens));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("kapacitorCases")
    void lexesLikeKapacitor(String input, List<Token> expected) {
        assertEquals(expected, Lexer.tokenize(input));
    }

    private static String kinds(String input) {
        return Lexer.tokenize(input).stream().map(t -> t.type().name()).collect(Collectors.joining(" "));
    }

    @Test
    void regexFollowsAssignmentAndMatchOperators() {
        assertEquals("IDENT REGEX_EQUAL REGEX EOF", kinds("a =~ /x/"));
        assertEquals("IDENT REGEX_NOT_EQUAL REGEX EOF", kinds("a !~ /x/"));
        assertEquals("VAR IDENT ASSIGN REGEX EOF", kinds("var a = /x\\/y/"));
        assertEquals("IDENT DIV IDENT EOF", kinds("a / b"));
    }

    @Test
    void minusIsUnaryWhereNoOperandPrecedes() {
        assertEquals("MINUS NUMBER EOF", kinds("-1"));
        assertEquals("NUMBER MINUS NUMBER EOF", kinds("1 -1"));
        assertEquals("LPAREN MINUS IDENT RPAREN EOF", kinds("(-a)"));
    }

    @Test
    void decimalDurationsAreNumbersFollowedByIdentifiers() {
        assertEquals("NUMBER IDENT EOF", kinds("1.5s"));
        assertEquals("DURATION IDENT EOF", kinds("5mo"));
    }

    @Test
    void consecutiveCommentLinesAreOneToken() {
        List<Token> tokens = Lexer.tokenize("// a\n   // b\nx");
        assertEquals(new Token(TokenType.COMMENT, 0, "// a\n   // b\n"), tokens.get(0));
        assertEquals(new Token(TokenType.IDENT, 13, "x"), tokens.get(1));
    }

    @Test
    void errorsStopLexing() {
        assertEquals(List.of(new Token(TokenType.IDENT, 0, "a"),
            new Token(TokenType.ERROR, 2, "unterminated string")), Lexer.tokenize("a 'b"));
        assertEquals(List.of(new Token(TokenType.ERROR, 0, "unterminated field reference")), Lexer.tokenize("\"b"));
        assertEquals(List.of(new Token(TokenType.ERROR, 0, "unterminated regex")), Lexer.tokenize("/b"));
        assertEquals(List.of(new Token(TokenType.ERROR, 0, "multiple decimals in number")), Lexer.tokenize("1.2.3"));
        assertEquals(List.of(new Token(TokenType.ERROR, 0, "unknown state, last char: '#'")), Lexer.tokenize("#"));
        assertEquals(List.of(new Token(TokenType.LPAREN, 0, "("),
            new Token(TokenType.ERROR, 1, "unknown state, last char: '='")), Lexer.tokenize("(="));
    }

    @Test
    void positionsAreUtf8ByteOffsets() {
        List<Token> tokens = Lexer.tokenize("'é' x");
        assertEquals(new Token(TokenType.IDENT, 5, "x"), tokens.get(1));
        SourceText src = new SourceText("a\nbé c");
        assertEquals(2, src.line(5));
        assertEquals(4, src.column(5));
    }
}
