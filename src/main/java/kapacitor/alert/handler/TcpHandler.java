package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import kapacitor.alert.AlertEvent;

/** Kapacitor's tcp handler: one connection per event carrying the alert data JSON and a newline. */
public final class TcpHandler implements AlertHandler {
    private final NetClient client;
    private final String host;
    private final int port;
    private final String address;

    public TcpHandler(Vertx vertx, String address) {
        this.client = vertx.createNetClient();
        this.address = address;
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address " + address + ": missing port in address");
        }
        this.host = address.substring(0, colon).replace("[", "").replace("]", "");
        this.port = Integer.parseInt(address.substring(colon + 1));
    }

    public String address() {
        return address;
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        Buffer data = Buffer.buffer(event.alertDataJson() + "\n\n");
        // json.Encoder ends the JSON with a newline and the handler writes one more, as Kapacitor does.
        return client.connect(port, host).compose(so -> so.write(data).eventually(so::close));
    }

    @Override
    public void close() {
        client.close();
    }
}
