package kapacitor.runtime.operator;

import io.vertx.core.Vertx;

/**
 * An operator that needs its task's id and the node's Vert.x instance before it processes anything (the alert node:
 * anonymous topic name, TaskName in templates, the node's alert topics). TaskVerticle calls {@link #bind} once,
 * after building the operator, on the task's context.
 */
public interface TaskBound {
    void bind(String taskId, Vertx vertx);

    /** Called when the task stops. */
    default void unbind() {
    }
}
