package kapacitor.service.alert;

import kapacitor.alert.EventState;
import kapacitor.alert.Level;
import kapacitor.model.LocalMessage;

/** The requests the alert routes send to {@link AlertManagerVerticle}, and its replies. */
public final class AlertCommands {
    private AlertCommands() {
    }

    /** Every alert API request; answered with a {@link Reply} or failed with the status and text to send. */
    public sealed interface Command extends LocalMessage {
    }

    public record ListTopics(String pattern, Level minLevel) implements Command {
    }

    public record GetTopic(String topic) implements Command {
    }

    public record DeleteTopic(String topic) implements Command {
    }

    public record ListEvents(String topic, Level minLevel) implements Command {
    }

    public record GetEvent(String topic, String eventId) implements Command {
    }

    public record ListHandlers(String topic, String pattern) implements Command {
    }

    public record GetHandler(String topic, String handlerId) implements Command {
    }

    public record CreateHandler(HandlerSpec spec) implements Command {
    }

    /** PUT: the stored handler {@code handlerId} becomes {@code spec} (which may carry a new id). */
    public record ReplaceHandler(String handlerId, HandlerSpec spec) implements Command {
    }

    public record PatchHandler(String topic, String handlerId, JsonPatch patch) implements Command {
    }

    public record DeleteHandler(String topic, String handlerId) implements Command {
    }

    /** A topic's summary: its highest event level and how many events it collected. */
    public record TopicInfo(String id, Level level, long collected) {
    }

    public record Reply(Object value) implements LocalMessage {
    }

    /** One event of a topic. */
    public record EventInfo(String id, EventState state) {
    }
}
