package kapacitor.tick.ast;

/**
 * Where a node starts: {@code offset} is the byte offset in the UTF-8 script, {@code line} is 1-based and
 * {@code column} is what Kapacitor prints as "char" (offset minus the offset of the preceding newline).
 */
public record Position(int offset, int line, int column) {
    @Override
    public String toString() {
        return offset + "l" + line + "c" + column;
    }
}
