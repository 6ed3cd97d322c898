package kapacitor.app;

import kapacitor.model.LocalMessage;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Zero-copy codec for {@link LocalMessage} bodies. The records are immutable (or owned by the receiver after the
 * send), so local delivery hands over the same object; they must never leave the JVM, so wire encoding throws.
 */
public final class LocalCodec implements MessageCodec<LocalMessage, LocalMessage> {
    public static final String NAME = "kapacitor-local";

    /**
     * Send options for every local message: this codec, and local-only delivery, so a clustered event bus does not
     * look the address up in the cluster's subscriptions on every send (these addresses are all local consumers).
     * Shared: never modify it.
     */
    public static final io.vertx.core.eventbus.DeliveryOptions DELIVERY =
        new io.vertx.core.eventbus.DeliveryOptions().setCodecName(NAME).setLocalOnly(true);

    @Override
    public void encodeToWire(Buffer buffer, LocalMessage message) {
        throw new IllegalStateException(message.getClass().getName() + " is a local message and cannot cross nodes");
    }

    @Override
    public LocalMessage decodeFromWire(int pos, Buffer buffer) {
        throw new IllegalStateException("local messages cannot be decoded from the wire");
    }

    @Override
    public LocalMessage transform(LocalMessage message) {
        return message;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
