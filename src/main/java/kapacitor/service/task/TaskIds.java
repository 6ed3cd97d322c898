package kapacitor.service.task;

import kapacitor.util.GoQuote;

import kapacitor.api.ApiException;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Kapacitor's task and template id rule ({@code ^[-\._\p{L}0-9]+$}) and its random default ids. {@code matches()}
 * anchors the whole id: a Java {@code $} would also accept a trailing newline, Go's does not.
 */
final class TaskIds {
    private static final Pattern VALID = Pattern.compile("[-._\\p{L}0-9]+");

    private TaskIds() {
    }

    /** The given id, or a random UUID when empty; a 400 with Kapacitor's text when it breaks the rule. */
    static String checked(String kind, String id) {
        String chosen = id == null || id.isEmpty() ? UUID.randomUUID().toString() : id;
        if (!VALID.matcher(chosen).matches()) {
            throw ApiException.badRequest(kind + " ID must contain only letters, numbers, '-', '.' and '_'. "
                + GoQuote.quote(chosen));
        }
        return chosen;
    }
}
