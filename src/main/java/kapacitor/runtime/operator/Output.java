package kapacitor.runtime.operator;

import kapacitor.runtime.edge.Message;

/** Where an operator sends its results, and how it reports a per-message error (logged and counted, not fatal). */
public interface Output {
    /** Sends a message to every child of the node. */
    void emit(Message m);

    /** Reports an error as Kapacitor's node diagnostics do: the message is dropped, the node's error count grows. */
    void error(String message);
}
