package kapacitor.api;

/**
 * One API area's routes (tasks, storage, ...). Mounted into every HTTP verticle's {@link Mux}; a module only decodes
 * requests, sends commands on the event bus and writes replies, so one instance serves all event loops.
 */
public interface ApiModule {
    void mount(Mux mux);
}
