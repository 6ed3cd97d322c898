package kapacitor.runtime.operator;

/** An operator that needs the task's context (timers, Vert.x clients); opened once the task is built. */
public interface ContextAware {
    void open(NodeContext context);

    /** Releases timers and clients when the task stops. */
    default void close() {
    }
}
