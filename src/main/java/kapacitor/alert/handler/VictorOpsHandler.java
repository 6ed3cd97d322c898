package kapacitor.alert.handler;

import com.fasterxml.jackson.databind.util.RawValue;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.Level;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Kapacitor's victorops handler: posts to {@code url/api-key/routing-key}, RECOVERY for OK events. */
public final class VictorOpsHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("victorops", "victorops.HandlerConfig", List.of(
        new HandlerOption("routing-key", "RoutingKey", OptionType.STRING)), VictorOpsHandler::new);

    private final Vertx vertx;
    private final HttpSender http;
    private final HandlerOptions options;

    VictorOpsHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.http = new HttpSender(vertx);
        this.options = options;
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        Level level = event.state().level();
        StringBuilder result = new StringBuilder();
        event.resultJson(result);
        return send(vertx, http, options.string("routing-key"), level == Level.OK ? "RECOVERY" : level.name(),
            event.state().message(), event.state().id(), Math.floorDiv(event.state().time(), 1_000_000_000L),
            result.toString());
    }

    static Future<Void> send(Vertx vertx, HttpSender http, String routingKey, String messageType, String message,
                             String entityId, long unixSeconds, String resultJson) {
        return ServiceConfig.enabled(vertx, "victorops").compose(c -> {
            Map<String, Object> data = new TreeMap<>();
            data.put("message_type", messageType);
            data.put("entity_id", entityId);
            data.put("state_message", message);
            data.put("timestamp", unixSeconds);
            data.put("monitoring_tool", "kapacitor");
            data.put("data", c.getBoolean("json-data", false) ? new RawValue(resultJson) : resultJson);
            String key = routingKey.isEmpty() ? c.getString("routing-key", "") : routingKey;
            String url = Urls.joinPath(c.getString("url", ""), c.getString("api-key", ""), key);
            return http.postJson(url, Map.of(), HttpSender.goEncode(data));
        }).compose(resp -> {
            if (resp.status() == 200) {
                return Future.succeededFuture();
            }
            if (resp.status() == 404) {
                return Future.failedFuture(new HandlerException("URL or API key not found: 404"));
            }
            return Future.failedFuture(new HandlerException(HttpSender.errorField(resp.body(), "message",
                "failed to understand VictorOps response. code: " + resp.status() + " content: " + resp.body())));
        });
    }

    @Override
    public void close() {
        http.close();
    }
}
