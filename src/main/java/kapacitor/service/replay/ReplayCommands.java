package kapacitor.service.replay;

import io.vertx.core.buffer.Buffer;
import kapacitor.model.LocalMessage;

import java.util.List;

/** What the recordings and replays routes ask {@code ReplayManagerVerticle} (one bus address, one record per route). */
public final class ReplayCommands {
    private ReplayCommands() {
    }

    /** {@code fields}: the repeated {@code fields} query parameter (empty: all); offset and limit as sent. */
    public record ListRecordings(String pattern, List<String> fields, String offset, String limit)
        implements LocalMessage {
    }

    public record GetRecording(String id) implements LocalMessage {
    }

    public record DeleteRecording(String id) implements LocalMessage {
    }

    /** POST /recordings/stream with its raw body. */
    public record RecordStream(Buffer body) implements LocalMessage {
    }

    /** POST /recordings/batch with its raw body. */
    public record RecordBatch(Buffer body) implements LocalMessage {
    }

    /** POST /recordings/query with its raw body. */
    public record RecordQuery(Buffer body) implements LocalMessage {
    }

    /** POST /replays/batch with its raw body: record the task's queries and replay them at once. */
    public record ReplayBatch(Buffer body) implements LocalMessage {
    }

    /** POST /replays/query with its raw body: record a query and replay it at once. */
    public record ReplayQuery(Buffer body) implements LocalMessage {
    }

    public record ListReplays(String pattern, List<String> fields, String offset, String limit)
        implements LocalMessage {
    }

    public record GetReplay(String id) implements LocalMessage {
    }

    public record DeleteReplay(String id) implements LocalMessage {
    }

    /** POST /replays with its raw body. */
    public record CreateReplay(Buffer body) implements LocalMessage {
    }

    /**
     * GET /tasks/ID?replay-id=R: the stats of the task as it runs inside running replay R; the reply body is its
     * {@code kapacitor.runtime.TaskStats}, the failures Kapacitor's 400 texts.
     */
    public record TaskInReplay(String replayId, String taskId) implements LocalMessage {
    }

    /** The status and JSON body the route answers with (null body: none). */
    public record Reply(int status, Object body) implements LocalMessage {
    }
}
