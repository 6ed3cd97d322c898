package kapacitor.service.task;

import kapacitor.model.LocalMessage;

import java.util.List;

/** Commands the task routes send to {@link TaskManagerVerticle}; query parameters travel unparsed. */
public final class TaskCommands {
    private TaskCommands() {
    }

    public record Create(TaskOptions options) implements LocalMessage {
    }

    public record Update(String id, TaskOptions options) implements LocalMessage {
    }

    /** {@code replayId} "" asks for the task itself; otherwise its state inside that running replay. */
    public record Get(String id, String scriptFormat, String dotView, String replayId) implements LocalMessage {
    }

    /** {@code fields} empty means all; {@code offset}/{@code limit} are the raw query texts ("" when absent). */
    public record ListTasks(String pattern, List<String> fields, String scriptFormat, String dotView, String offset,
                            String limit) implements LocalMessage {
    }

    public record Delete(String id) implements LocalMessage {
    }

    /** {@code GET /tasks/ID/NAME}: the task's httpOut endpoint. */
    public record HttpOut(String id, String name) implements LocalMessage {
    }

    /** A JSON body for the route to write with status 200. */
    public record JsonReply(Object body) implements LocalMessage {
    }
}
