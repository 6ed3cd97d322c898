package kapacitor.service.task;

import java.util.List;

/**
 * One task or template variable in Kapacitor's client shape ({@code {"type": ..., "value": ..., "description": ...}}).
 * Values: Boolean (bool), Long (int), Double (float), Long nanoseconds (duration), String (string, lambda expression,
 * regex pattern), {@code List<TaskVar>} (list), null (star, or a template var without a default). A var decoded from
 * a request may still hold a value of the wrong Java type; {@link TaskVars#validate} checks it as Kapacitor's
 * {@code newVar} does.
 */
public record TaskVar(String type, Object value, String description) {
    public static final List<String> TYPES =
        List.of("bool", "int", "float", "string", "regex", "duration", "lambda", "list", "star");

    public TaskVar {
        description = description == null ? "" : description;
    }
}
