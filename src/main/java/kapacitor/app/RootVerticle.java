package kapacitor.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import kapacitor.api.ApiModule;
import kapacitor.api.HttpServerSettings;
import kapacitor.api.HttpServerVerticle;
import kapacitor.api.NotImplementedRoutes;
import kapacitor.api.config.ConfigRoutes;
import kapacitor.api.debug.DebugVarsRoutes;
import kapacitor.api.storage.StorageRoutes;
import kapacitor.api.write.WriteRoutes;
import kapacitor.config.HttpConfig;
import kapacitor.config.LoadedConfig;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.IngestStats;
import kapacitor.runtime.ingest.UdpListenerVerticle;
import kapacitor.service.config.ConfigManagerVerticle;
import kapacitor.service.storage.StorageManagerVerticle;
import kapacitor.store.Store;
import kapacitor.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Deploys the server in order: the store, then the manager verticles, then the HTTP verticles (so no request
 * arrives before its manager listens). Undeploying it stops everything and closes the store.
 */
public final class RootVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(RootVerticle.class);

    private final LoadedConfig loaded;
    private Store store;
    private IngestRouter ingest;
    private StatsRegistry stats;
    private int httpPort;

    public RootVerticle(LoadedConfig loaded) {
        this.loaded = loaded;
    }

    @Override
    public Future<?> start() {
        var cfg = loaded.config();
        stats = new StatsRegistry(UUID.randomUUID().toString(), UUID.randomUUID().toString(), cfg.hostname());
        IngestStats ingestStats = new IngestStats();
        ingest = new IngestRouter(vertx.eventBus(), ingestStats);
        stats.register("ingress", Map.of("source", "http"), ingestStats::snapshot);
        return Stores.open(vertx, cfg.storage().url(), cfg.dataDir().toString())
            .onSuccess(s -> {
                store = s;
                LOG.info("msg=\"opened store\" location={}", s.location());
            })
            .compose(s -> vertx.deployVerticle(new StorageManagerVerticle(s)))
            .compose(id -> vertx.deployVerticle(new ConfigManagerVerticle(store, cfg.tree(),
                cfg.configOverride().enabled(), cfg.skipConfigOverrides())))
            .compose(id -> deployUdp())
            .compose(v -> deployHttp(modules()));
    }

    private List<ApiModule> modules() {
        List<ApiModule> modules = new ArrayList<>();
        modules.add(new WriteRoutes(vertx, ingest, loaded.config().defaultRetentionPolicy()));
        modules.add(new StorageRoutes(vertx.eventBus()));
        modules.add(new DebugVarsRoutes(stats, Map::of));
        modules.add(new ConfigRoutes(vertx.eventBus()));
        modules.add(new NotImplementedRoutes(Set.of("config")));
        return modules;
    }

    /** One listener per enabled {@code [[udp]]} entry. */
    private Future<Void> deployUdp() {
        List<Future<String>> all = new ArrayList<>();
        for (UdpListenerVerticle.Settings udp : UdpSettings.from(loaded.config().tree())) {
            all.add(vertx.deployVerticle(new UdpListenerVerticle(udp, ingest)));
        }
        return Future.all(all).mapEmpty();
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

    public Store store() {
        return store;
    }

    public IngestRouter ingest() {
        return ingest;
    }

    @Override
    public Future<?> stop() {
        return store == null ? Future.succeededFuture() : store.close();
    }
}
