package kapacitor.service.task;

import kapacitor.model.LocalMessage;

import java.util.List;

/** Commands the template routes send to {@link TemplateManagerVerticle}. Replies are {@link TaskCommands.JsonReply}. */
public final class TemplateCommands {
    private TemplateCommands() {
    }

    public record Create(TemplateOptions options) implements LocalMessage {
    }

    public record Update(String id, TemplateOptions options) implements LocalMessage {
    }

    public record Get(String id, String scriptFormat) implements LocalMessage {
    }

    public record ListTemplates(String pattern, List<String> fields, String scriptFormat, String offset, String limit)
        implements LocalMessage {
    }

    public record Delete(String id) implements LocalMessage {
    }
}
