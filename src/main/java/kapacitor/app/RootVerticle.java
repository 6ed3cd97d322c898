package kapacitor.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import kapacitor.api.ApiModule;
import kapacitor.api.HttpServerSettings;
import kapacitor.api.HttpServerVerticle;
import kapacitor.config.HttpConfig;
import kapacitor.config.LoadedConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Deploys the server in order: the store, then the manager verticles, then the HTTP verticles (so no request
 * arrives before its manager listens). Undeploying it stops everything and closes the store.
 */
public final class RootVerticle extends VerticleBase {
    private final LoadedConfig loaded;

    public RootVerticle(LoadedConfig loaded) {
        this.loaded = loaded;
    }

    @Override
    public Future<?> start() {
        List<ApiModule> modules = new ArrayList<>();
        return deployHttp(modules);
    }

    private Future<String> deployHttp(List<ApiModule> modules) {
        HttpConfig http = loaded.config().http();
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        HttpServerSettings settings = new HttpServerSettings(
            http.host().isEmpty() ? "0.0.0.0" : http.host(), http.port(), http.logEnabled(), http.gzip(),
            http.httpsEnabled(), http.httpsCertificate(), http.httpsPrivateKey(), http.maxBodySize(), instances);
        List<ApiModule> frozen = List.copyOf(modules);
        return vertx.deployVerticle(() -> new HttpServerVerticle(settings, frozen),
            new DeploymentOptions().setInstances(instances));
    }
}
