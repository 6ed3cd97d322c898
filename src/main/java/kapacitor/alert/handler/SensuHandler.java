package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;
import kapacitor.alert.template.GoTemplate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Kapacitor's sensu handler: one TCP connection per event to the Sensu client socket, carrying a check result as
 * JSON; the socket must answer "ok" before closing.
 */
public final class SensuHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("sensu", "sensu.HandlerConfig", List.of(
        new HandlerOption("source", "Source", OptionType.STRING),
        new HandlerOption("handlers", "Handlers", OptionType.STRING_LIST),
        new HandlerOption("metadata", "Metadata", OptionType.MAP)), SensuHandler::new);

    private static final Pattern VALID_NAME = Pattern.compile("^[\\w.-]+$");

    private final Vertx vertx;
    private final NetClient client;
    private final HandlerOptions options;
    private final GoTemplate source;

    SensuHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.client = client(vertx);
        this.options = options;
        this.source = EventTemplates.parse("source", options.string("source"));
    }

    static NetClient client(Vertx vertx) {
        return vertx.createNetClient(new NetClientOptions().setConnectTimeout(HttpSender.CONNECT_TIMEOUT_MS)
            .setIdleTimeout((int) HttpSender.IDLE_TIMEOUT_MS).setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        String src;
        try {
            src = EventTemplates.render(source, EventTemplates.data(event));
        } catch (HandlerException e) {
            return Future.failedFuture(e);
        }
        return send(vertx, client, event.state().id(), src, event.state().message(), options.list("handlers"),
            options.map("metadata"), event.state().level());
    }

    static Future<Void> send(Vertx vertx, NetClient client, String name, String source, String output,
                             List<String> handlers, Map<String, Object> metadata, Level level) {
        if (!VALID_NAME.matcher(name).matches()) {
            return Future.failedFuture(new HandlerException("invalid name \"" + name
                + "\" for sensu alert. Must match ^[\\w\\.-]+$"));
        }
        return ServiceConfig.enabled(vertx, "sensu").compose(c -> {
            Map<String, Object> data = new TreeMap<>();
            data.put("name", name);
            data.put("source", source.isEmpty() ? c.getString("source", "") : source);
            data.put("output", output);
            data.put("status", level == Level.WARNING ? 1 : level == Level.CRITICAL ? 2 : 0);
            List<String> hs = OpsGenieHandler.orConfig(handlers, c.getJsonArray("handlers"));
            // An empty list is Go's nil slice here: both the handler's and the config's are unset.
            data.put("handlers", hs.isEmpty() ? null : hs);
            metadata.forEach((k, v) -> data.putIfAbsent(k, HttpSender.goValue(v)));
            String addr = c.getString("addr", "");
            int colon = addr.lastIndexOf(':');
            if (colon < 0) {
                return Future.failedFuture(new HandlerException("address " + addr + ": missing port in address"));
            }
            int port;
            try {
                port = Integer.parseInt(addr.substring(colon + 1));
            } catch (NumberFormatException e) {
                return Future.failedFuture(new HandlerException("lookup port " + addr.substring(colon + 1)
                    + ": invalid port"));
            }
            String host = addr.substring(0, colon).replace("[", "").replace("]", "");
            return exchange(client, host.isEmpty() ? "127.0.0.1" : host, port, HttpSender.goEncode(data));
        });
    }

    /** Writes the check and reads the socket's answer to its end. */
    private static Future<Void> exchange(NetClient client, String host, int port, Buffer check) {
        return client.connect(port, host).compose(so -> {
            Promise<Void> done = Promise.promise();
            Buffer answer = Buffer.buffer();
            so.handler(answer::appendBuffer);
            so.exceptionHandler(done::tryFail);
            so.closeHandler(v -> {
                if (answer.toString().equals("ok")) {
                    done.tryComplete();
                } else {
                    done.tryFail(new HandlerException("sensu socket error: " + answer));
                }
            });
            so.write(check).onFailure(done::tryFail);
            return done.future();
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
