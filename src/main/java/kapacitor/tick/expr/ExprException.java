package kapacitor.tick.expr;

/**
 * A compile or evaluation error of a lambda expression, with Kapacitor's message text. No stack trace is captured:
 * operators log the message per point and the trace would only cost time.
 */
public class ExprException extends RuntimeException {
    public ExprException(String message) {
        super(message, null, false, false);
    }
}
