package kapacitor.pipeline;

/** The kind of data flowing on an edge; names are Kapacitor's, they appear in error texts. */
public enum EdgeType {
    NO_EDGE("noedge"),
    STREAM("stream"),
    BATCH("batch");

    private final String text;

    EdgeType(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
