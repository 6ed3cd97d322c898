package kapacitor.pipeline;

/**
 * A value a TICKscript expression can call methods on: a node, an alert handler, or the alert-data view returned by
 * some alert property methods. They differ only in the Go type Kapacitor names in its errors.
 */
public interface TickObject {

    /** The node this object belongs to (the alert node for handlers). */
    NodeDef node();

    /** Kapacitor's Go type for this object, e.g. {@code *pipeline.WindowNode}, as printed in error texts. */
    String goType();

    /** The spec whose properties and chaining methods apply to this object. */
    NodeSpec spec();
}
