package kapacitor.service.alert;

import kapacitor.util.GoQuote;

import io.vertx.core.Vertx;
import kapacitor.alert.Topics;
import kapacitor.alert.handler.AlertHandler;
import kapacitor.alert.handler.ExecHandler;
import kapacitor.alert.handler.LogHandler;
import kapacitor.alert.handler.PostEndpoint;
import kapacitor.alert.handler.PostEndpoints;
import kapacitor.alert.handler.PostHandler;
import kapacitor.alert.handler.TcpHandler;

import java.util.List;
import java.util.Map;

/**
 * Builds the handler an API handler spec describes (Kapacitor's createHandlerFromSpec): decodes the kind's options,
 * wraps external handlers so they skip internal-only events, and wraps everything in the match expression. Call it
 * on the context the handler should run on (the aggregate handler's ticks use it).
 */
final class HandlerFactory {
    private final Vertx vertx;
    private final Topics topics;

    HandlerFactory(Vertx vertx, Topics topics) {
        this.vertx = vertx;
        this.topics = topics;
    }

    /** Fails with IllegalArgumentException carrying Kapacitor's text. */
    AlertHandler create(HandlerSpec spec) {
        AlertHandler h = byKind(spec);
        if (spec.match() != null && !spec.match().isEmpty()) {
            try {
                return MatchHandler.wrap(spec.match(), h);
            } catch (IllegalArgumentException e) {
                h.close();
                throw e;
            }
        }
        return h;
    }

    private AlertHandler byKind(HandlerSpec spec) {
        Map<String, Object> options = spec.options();
        switch (spec.kind()) {
            case "aggregate": {
                HandlerOptions o = new HandlerOptions("*alert.AggregateHandlerConfig", options);
                String id = o.string("id");
                long interval = o.integer("interval", "time.Duration", 0);
                String topic = o.string("topic");
                String message = o.string("message");
                boolean hasMessage = options != null && options.keySet().stream()
                    .anyMatch(k -> k.equalsIgnoreCase("message"));
                o.finish();
                return new AggregateHandler(vertx, topics, id, topic, interval,
                    hasMessage ? message : AggregateHandler.DEFAULT_MESSAGE);
            }
            case "publish": {
                HandlerOptions o = new HandlerOptions("*alert.PublishHandlerConfig", options);
                List<String> targets = o.strings("topics");
                o.finish();
                return new PublishHandler(topics, targets);
            }
            case "log": {
                HandlerOptions o = new HandlerOptions("*alert.LogHandlerConfig", options);
                String path = o.string("path");
                long mode = o.integer("mode", "fs.FileMode", LogHandler.DEFAULT_MODE);
                o.finish();
                return new ExternalHandler(new LogHandler(vertx, path, (int) mode));
            }
            case "tcp": {
                HandlerOptions o = new HandlerOptions("*alert.TCPHandlerConfig", options);
                String address = o.string("address");
                o.finish();
                return new ExternalHandler(new TcpHandler(vertx, address));
            }
            case "exec": {
                HandlerOptions o = new HandlerOptions("*alert.ExecHandlerConfig", options);
                String prog = o.string("prog");
                List<String> args = o.strings("args");
                o.finish();
                return new ExternalHandler(new ExecHandler(vertx, prog, args));
            }
            case "post": {
                HandlerOptions o = new HandlerOptions("*httppost.HandlerConfig", options);
                String url = o.string("url");
                String endpoint = o.string("endpoint");
                Map<String, String> headers = o.stringMap("headers");
                o.bool("capture-response");
                long timeout = o.integer("timeout", "time.Duration", 0);
                o.bool("skip-ssl-verification");
                o.finish();
                return new ExternalHandler(post(url, endpoint, headers, timeout / 1_000_000L));
            }
            default:
                // The service handlers (slack, smtp, pagerduty2, ...) validate their own options.
                if (kapacitor.alert.handler.HandlerFactory.supports(spec.kind())) {
                    return new ExternalHandler(kapacitor.alert.handler.HandlerFactory.create(vertx, spec.kind(),
                        new io.vertx.core.json.JsonObject(options == null ? Map.of() : options)));
                }
                throw new IllegalArgumentException("unsupported action kind " + GoQuote.quote(spec.kind()));
        }
    }

    /** Kapacitor's httppost Handler: a configured endpoint of that name wins, else the URL is required. */
    private PostHandler post(String url, String endpoint, Map<String, String> headers, long timeoutMillis) {
        PostEndpoint e = PostEndpoints.of(vertx).get(endpoint);
        if (e != null) {
            return PostHandler.forEndpoint(vertx, e, headers, timeoutMillis);
        }
        if (url.isEmpty()) {
            throw new IllegalArgumentException(
                "An appropriately formatted url must be specified if an endpoint is not specified");
        }
        return new PostHandler(vertx, url, headers, timeoutMillis);
    }
}
