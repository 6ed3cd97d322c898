package kapacitor.alert.handler;

import io.vertx.core.Vertx;

/**
 * The URL of this server's API ({@code http://host:port/kapacitor/v1}), which PagerDuty events carry as their
 * client_url. Set once the HTTP listener is up; empty before, as Kapacitor's is without a listener.
 */
public final class ServerUrl {
    private static final String KEY = "server-url";

    private ServerUrl() {
    }

    public static void set(Vertx vertx, String url) {
        vertx.sharedData().<String, String>getLocalMap("kapacitor.alert.server").put(KEY, url);
    }

    public static String get(Vertx vertx) {
        String url = vertx.sharedData().<String, String>getLocalMap("kapacitor.alert.server").get(KEY);
        return url == null ? "" : url;
    }
}
