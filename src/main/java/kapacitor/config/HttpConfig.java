package kapacitor.config;

import java.time.Duration;

/**
 * Kapacitor's {@code [http]} section, plus two keys of ours: {@code max-body-size} (InfluxDB's name and default)
 * and {@code gzip} (Kapacitor hard-wires response gzip on; this lets an operator turn it off).
 */
public record HttpConfig(
    String bindAddress,
    boolean authEnabled,
    boolean logEnabled,
    boolean writeTracing,
    boolean pprofEnabled,
    boolean httpsEnabled,
    String httpsCertificate,
    String httpsPrivateKey,
    Duration shutdownTimeout,
    String sharedSecret,
    long maxBodySize,
    boolean gzip) {

    /** The host part of bind-address; empty means every interface, as in Go's net.Listen. */
    public String host() {
        return BindAddress.parse("http.bind-address", bindAddress).host();
    }

    public int port() {
        return BindAddress.parse("http.bind-address", bindAddress).port();
    }

    static HttpConfig from(Section s) {
        HttpConfig c = new HttpConfig(
            s.string("bind-address"),
            s.bool("auth-enabled"),
            s.bool("log-enabled"),
            s.bool("write-tracing"),
            s.bool("pprof-enabled"),
            s.bool("https-enabled"),
            s.string("https-certificate"),
            s.string("https-private-key"),
            s.duration("shutdown-timeout"),
            s.string("shared-secret"),
            s.integer("max-body-size"),
            s.bool("gzip"));
        BindAddress.parse(s.key("bind-address"), c.bindAddress());
        return c;
    }
}
