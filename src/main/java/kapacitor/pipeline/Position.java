package kapacitor.pipeline;

/** Where in the script a call was made; only used to prefix error texts as Kapacitor does. */
public record Position(int line, int character) {

    public String prefix() {
        return "line " + line + " char " + character + ": ";
    }
}
