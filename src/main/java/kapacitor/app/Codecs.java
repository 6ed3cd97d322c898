package kapacitor.app;

import kapacitor.model.LocalMessage;

import io.vertx.core.Vertx;

/** Registers the product's event-bus codecs; called once per Vertx instance before any verticle deploys. */
public final class Codecs {
    private Codecs() {
    }

    public static void register(Vertx vertx) {
        vertx.eventBus().registerCodec(new LocalCodec());
        // A default codec matches one exact class only, so every LocalMessage record is routed through the selector.
        vertx.eventBus().codecSelector(body -> body instanceof LocalMessage ? LocalCodec.NAME : null);
    }
}
