package kapacitor.runtime.edge;

import kapacitor.model.LocalMessage;
import kapacitor.model.Point;

import java.util.List;

/**
 * A frame of ungrouped points passed whole from the stream source to a from() node: the inbound frame's own list,
 * so the source costs nothing per point.
 */
public record PointsFrame(List<Point> points) implements LocalMessage {
}
