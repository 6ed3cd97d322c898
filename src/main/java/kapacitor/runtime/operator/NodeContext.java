package kapacitor.runtime.operator;

import io.vertx.core.Vertx;
import kapacitor.runtime.time.TaskClock;

/**
 * What the task gives an operator that acts on its own, outside of an inbound message (timers, asynchronous
 * replies). Whatever such an action emits is sent on to the children when the action returns.
 */
public interface NodeContext {
    Vertx vertx();

    TaskClock clock();

    /** The node's output, for use inside actions passed to {@link #run}. */
    Output output();

    /**
     * Wraps an action so that, run on the task's thread (a timer, a reply handler on the task's context), what it
     * emits is sent on afterwards.
     */
    Runnable run(Runnable action);

    /** Feeds a message into the node itself, as if it came from its first parent (Kapacitor's barrier delete). */
    void self(kapacitor.runtime.edge.Message m);
}
