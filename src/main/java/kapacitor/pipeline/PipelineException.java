package kapacitor.pipeline;

/** A TICKscript/pipeline error carrying Kapacitor's text; optionally prefixed with "line N char M: ". */
public class PipelineException extends RuntimeException {

    private final String rawMessage;

    public PipelineException(String message) {
        this(message, null);
    }

    public PipelineException(String message, Position position) {
        super(position == null ? message : position.prefix() + message);
        this.rawMessage = message;
    }

    /** The text without any position prefix. */
    public String rawMessage() {
        return rawMessage;
    }

    public PipelineException at(Position position) {
        return new PipelineException(rawMessage, position);
    }
}
