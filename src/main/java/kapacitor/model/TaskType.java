package kapacitor.model;

/** Kapacitor's task types; the JSON and TICKscript names are the lower-case ones. */
public enum TaskType {
    STREAM("stream"),
    BATCH("batch");

    private final String text;

    TaskType(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The type for {@code "stream"}/{@code "batch"}, or null for anything else. */
    public static TaskType fromText(String s) {
        for (TaskType t : values()) {
            if (t.text.equals(s)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
