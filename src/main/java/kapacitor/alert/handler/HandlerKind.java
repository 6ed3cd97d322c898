package kapacitor.alert.handler;

import io.vertx.core.Vertx;

import java.util.List;

/**
 * A kind of alert handler ("slack", "smtp"...): its options and how to build one.
 *
 * @param name     the kind as the topic handler API names it
 * @param goConfig Kapacitor's handler config type, named in option errors ("slack.HandlerConfig"); null for kinds
 *                 whose options Kapacitor does not decode at all
 */
public record HandlerKind(String name, String goConfig, List<HandlerOption> options, Builder builder) {

    /** Builds a handler from checked options; may throw IllegalArgumentException for bad values. */
    @FunctionalInterface
    public interface Builder {
        AlertHandler build(Vertx vertx, HandlerOptions options);
    }

    public HandlerKind {
        options = List.copyOf(options);
    }

    /** The option a key names: exactly, or else ignoring case, as mapstructure matches keys to fields. */
    public HandlerOption option(String name) {
        for (HandlerOption o : options) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        for (HandlerOption o : options) {
            if (o.name().equalsIgnoreCase(name)) {
                return o;
            }
        }
        return null;
    }
}
