package kapacitor.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;

import java.util.List;

/**
 * Serves the Kapacitor HTTP API. Deployed with several instances (one per event loop) on the same port; Vert.x
 * spreads connections over them. Holds no state beyond its router.
 */
public final class HttpServerVerticle extends VerticleBase {
    private final HttpServerSettings settings;
    private final List<ApiModule> modules;
    private final RequestGuard guard;
    private HttpServer server;

    public HttpServerVerticle(HttpServerSettings settings, List<ApiModule> modules) {
        this(settings, modules, null);
    }

    /** {@code guard}: checked before every route (authentication), or null for none. Shared by all instances. */
    public HttpServerVerticle(HttpServerSettings settings, List<ApiModule> modules, RequestGuard guard) {
        this.settings = settings;
        this.modules = modules;
        this.guard = guard;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
            .setHost(settings.host())
            .setPort(settings.port())
            // Request bodies with Content-Encoding: gzip are inflated before the body limit applies.
            .setDecompressionSupported(true)
            .setCompressionSupported(settings.gzip())
            .setTcpNoDelay(true);
        if (settings.httpsEnabled()) {
            String key = settings.httpsPrivateKey() == null || settings.httpsPrivateKey().isEmpty()
                // Kapacitor reads the key from the certificate file when no separate key is configured.
                ? settings.httpsCertificate() : settings.httpsPrivateKey();
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(settings.httpsCertificate()).setKeyPath(key));
        }
        server = vertx.createHttpServer(options).requestHandler(ApiRouter.create(vertx, settings, modules, guard));
        return server.listen();
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
