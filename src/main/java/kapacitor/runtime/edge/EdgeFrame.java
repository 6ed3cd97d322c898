package kapacitor.runtime.edge;

import kapacitor.model.LocalMessage;

import java.util.List;

/** All messages one operator emitted on one edge while handling one inbound frame: one bus message per edge. */
public record EdgeFrame(List<Message> messages) implements LocalMessage {
}
