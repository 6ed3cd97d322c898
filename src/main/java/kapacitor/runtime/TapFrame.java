package kapacitor.runtime;

import kapacitor.model.LocalMessage;
import kapacitor.runtime.edge.Message;

import java.util.List;

/**
 * What a tapped node received in one frame, published to {@link #address(String, String)} for consumers in the same
 * JVM. Messages are the runtime's own immutable objects (points, batches, barriers, deletes): read, never modify.
 */
public record TapFrame(String taskId, String node, List<Message> messages) implements LocalMessage {
    /** {@code kapacitor.task.<taskId>.tap.<node>}, e.g. {@code kapacitor.task.cpu.tap.http_out4}. */
    public static String address(String taskId, String node) {
        return "kapacitor.task." + taskId + ".tap." + node;
    }
}
