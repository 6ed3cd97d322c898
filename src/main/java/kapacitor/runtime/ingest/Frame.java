package kapacitor.runtime.ingest;

import kapacitor.model.LocalMessage;
import kapacitor.model.Point;

import java.util.List;

/**
 * The unit that carries points into a task: all points of one write request (or UDP packet) that the task wants,
 * as one event-bus message. The list is immutable and may be shared by several tasks' frames.
 */
public record Frame(String db, String rp, List<Point> points, TaskInbox inbox) implements LocalMessage {
}
