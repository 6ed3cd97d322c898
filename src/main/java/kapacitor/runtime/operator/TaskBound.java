package kapacitor.runtime.operator;

import io.vertx.core.Vertx;

/**
 * An operator that needs its task's id and the node's Vert.x instance before it processes anything (the alert node:
 * anonymous topic name, TaskName in templates, the node's alert topics). TaskVerticle calls {@link #bind} once,
 * after building the operator, on the task's context.
 */
public interface TaskBound {
    /**
     * @param execution "main" for the live task, the replay id for a replay's copy: Kapacitor names a task's
     *                  anonymous alert topics {@code <execution>:<task>:<node>}, so a copy never shares the live
     *                  task's topics
     */
    void bind(String taskId, String execution, Vertx vertx);

    /** Called when the task stops. */
    default void unbind() {
    }
}
