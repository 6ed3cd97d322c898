package kapacitor.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import kapacitor.api.ApiModule;
import kapacitor.api.HttpServerSettings;
import kapacitor.api.HttpServerVerticle;
import kapacitor.api.NotImplementedRoutes;
import kapacitor.alert.handler.ServerUrl;
import kapacitor.api.cluster.ClusterRoutes;
import kapacitor.api.alerts.AlertRoutes;
import kapacitor.api.config.ConfigRoutes;
import kapacitor.api.servicetests.ServiceTestRoutes;
import kapacitor.api.debug.DebugVarsRoutes;
import kapacitor.api.diag.DiagRoutes;
import kapacitor.api.sideload.SideloadRoutes;
import kapacitor.api.subscriptions.SubscriptionsRoutes;
import kapacitor.api.replay.ReplayRoutes;
import kapacitor.api.storage.StorageRoutes;
import kapacitor.api.tasks.TaskRoutes;
import kapacitor.api.templates.TemplateRoutes;
import kapacitor.api.users.UserRoutes;
import kapacitor.api.write.WriteRoutes;
import kapacitor.cluster.ClusterNode;
import kapacitor.cluster.ClusterRole;
import kapacitor.config.HttpConfig;
import kapacitor.config.LoadedConfig;
import kapacitor.influxdb.InfluxDBClusters;
import kapacitor.influxdb.InfluxDBConfig;
import kapacitor.runtime.LocalTaskRunner;
import kapacitor.runtime.TapFrame;
import kapacitor.runtime.TaskRunner;
import kapacitor.runtime.operator.SideloadSources;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.IngestStats;
import kapacitor.runtime.ingest.UdpListenerVerticle;
import kapacitor.runtime.time.VertxClock;
import kapacitor.alert.handler.HandlerServiceTests;
import kapacitor.auth.AuthSettings;
import kapacitor.auth.Authenticator;
import kapacitor.auth.StoredUser;
import kapacitor.service.users.UserManagerVerticle;
import kapacitor.service.alert.AlertManagerVerticle;
import kapacitor.service.config.ConfigManagerVerticle;
import kapacitor.service.influxdb.SubscriptionCounts;
import kapacitor.service.influxdb.SubscriptionLinkerVerticle;
import kapacitor.service.replay.ReplayManagerVerticle;
import kapacitor.service.servicetest.ServiceTests;
import kapacitor.service.storage.StorageManagerVerticle;
import kapacitor.service.task.TaskCounts;
import kapacitor.service.task.TaskManagerVerticle;
import kapacitor.service.task.TemplateManagerVerticle;
import kapacitor.service.task.TickScriptCompiler;
import kapacitor.store.Store;
import kapacitor.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Deploys the server in order: the store, then the manager verticles, then the HTTP verticles (so no request
 * arrives before its manager listens). Undeploying it stops everything and closes the store.
 */
public final class RootVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(RootVerticle.class);

    private final LoadedConfig loaded;
    private final BiFunction<Vertx, IngestRouter, TaskRunner> runnerFactory;
    private final TaskCounts taskCounts = new TaskCounts();
    private final SubscriptionCounts subscriptionCounts = new SubscriptionCounts();
    private TaskRunner runner;
    private Store store;
    private IngestRouter ingest;
    private StatsRegistry stats;
    /** Null on a standalone server. */
    private ClusterNode cluster;
    private AuthSettings auth;
    /** Null unless [http] auth-enabled. */
    private Authenticator authenticator;

    public RootVerticle(LoadedConfig loaded) {
        this(loaded, (vertx, ingest) -> localRunner(loaded, vertx, ingest));
    }

    /**
     * {@code runnerFactory} builds the task runner once Vert.x and the ingest router exist, before any task starts
     * (tests pass a recording runner).
     */
    public RootVerticle(LoadedConfig loaded, BiFunction<Vertx, IngestRouter, TaskRunner> runnerFactory) {
        this.loaded = loaded;
        this.runnerFactory = runnerFactory;
    }

    @Override
    public Future<?> start() {
        var cfg = loaded.config();
        try {
            auth = AuthSettings.from(cfg);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        IngestStats ingestStats = new IngestStats();
        ingest = new IngestRouter(vertx.eventBus(), ingestStats);
        return Stores.open(vertx, cfg.storage().url(), cfg.dataDir().toString())
            .onSuccess(s -> {
                store = s;
                LOG.info("msg=\"opened store\" location={}", s.location());
            })
            // The nodes of a cluster share one cluster id through the store: one subscription name for them all.
            .compose(s -> vertx.isClustered() ? ServerIds.loadShared(vertx, cfg.dataDir(), s)
                : ServerIds.load(vertx, cfg.dataDir()))
            .compose(ids -> {
                stats = new StatsRegistry(ids.clusterId(), ids.serverId(), cfg.hostname());
                stats.register("ingress", Map.of("source", "http"), ingestStats::snapshot);
                return vertx.deployVerticle(new StorageManagerVerticle(store));
            })
            .compose(id -> vertx.deployVerticle(new ConfigManagerVerticle(store, cfg.tree(),
                cfg.configOverride().enabled(), cfg.skipConfigOverrides())))
            // Restored alert states must be in place before any task's alert node starts.
            .compose(id -> vertx.deployVerticle(new AlertManagerVerticle(store)))
            .compose(id -> deployUsers())
            .compose(id -> deployTaskManagers())
            .compose(id -> deployReplays())
            .compose(id -> deployUdp())
            // Subscriptions are linked before the API answers, as kapacitord opens InfluxDB before httpd.
            .compose(v -> deploySubscriptionLinker())
            .compose(v -> deployHttp(modules()));
    }

    private Future<?> deployTaskManagers() {
        TickScriptCompiler compiler = new TickScriptCompiler();
        Future<?> placement = Future.succeededFuture();
        if (vertx.isClustered()) {
            // Tasks run where placement puts them; the managers reach them through the cluster runner.
            cluster = new ClusterNode(vertx, ingest, httpAddress(), localRunner(loaded, vertx, ingest));
            runner = cluster.runner();
            stats.register("cluster", Map.of("node_id", cluster.nodeId()), cluster.state()::stats);
            placement = cluster.deploy(store, compiler);
        } else {
            runner = runnerFactory.apply(vertx, ingest);
        }
        vertx.eventBus().<io.vertx.core.json.JsonObject>localConsumer(Addresses.TASKS_TAP, this::tap);
        HttpPostSettings.register(vertx, HttpPostSettings.endpoints(loaded.config().tree()));
        // PagerDuty events carry a link back to this server, as Kapacitor's client_url.
        ServerUrl.set(vertx, "http://" + httpAddress() + "/kapacitor/v1");
        return placement.compose(x -> vertx.deployVerticle(new TemplateManagerVerticle(store, compiler, runner)))
            .compose(id -> vertx.deployVerticle(new TaskManagerVerticle(store, compiler, runner, taskCounts)));
    }

    /** Recordings and replays; {@code [replay] dir} relative to data_dir. */
    private Future<?> deployReplays() {
        java.nio.file.Path dir = java.nio.file.Path.of(
            loaded.config().tree().path("replay").path("dir").asText("./replay"));
        if (!dir.isAbsolute()) {
            dir = loaded.config().dataDir().resolve(dir).normalize();
        }
        LocalTaskRunner local = runner instanceof LocalTaskRunner l ? l : cluster != null ? cluster.local() : null;
        return vertx.deployVerticle(new ReplayManagerVerticle(store, new TickScriptCompiler(), ingest, local, dir));
    }

    private void tap(io.vertx.core.eventbus.Message<io.vertx.core.json.JsonObject> msg) {
        LocalTaskRunner local = runner instanceof LocalTaskRunner l ? l : cluster != null ? cluster.local() : null;
        if (local == null) {
            msg.fail(501, "this node has no local task runner to tap");
            return;
        }
        String task = msg.body().getString("task");
        String node = msg.body().getString("node");
        Future<String> done = msg.body().getBoolean("tap", true) ? local.tap(task, node)
            : local.untap(task, node).map(v -> TapFrame.address(task, node));
        Replies.reply(msg, done);
    }

    private static LocalTaskRunner localRunner(LoadedConfig loaded, Vertx vertx, IngestRouter ingest) {
        // Batch queries and influxDBOut reach the [[influxdb]] clusters through these clients.
        InfluxDBClusters influxdb = InfluxDBClusters.create(vertx, InfluxDBConfig.fromTree(loaded.config().tree()));
        String idle = loaded.config().tree().path("task").path("group-idle-timeout").asText("0s");
        long groupIdleTimeout = kapacitor.util.Durations.parseNanos(idle);
        return new LocalTaskRunner(vertx, ingest, LocalTaskRunner.DEFAULT_MAX_IN_FLIGHT, List.of(),
            HttpPostSettings.endpoints(loaded.config().tree()), influxdb, VertxClock::new, groupIdleTimeout)
            .operatorChaining(loaded.config().tree().path("task").path("operator-chaining").asBoolean(false));
    }

    private List<ApiModule> modules() {
        List<ApiModule> modules = new ArrayList<>();
        modules.add(new WriteRoutes(vertx, ingest, loaded.config().defaultRetentionPolicy(),
            loaded.config().http().maxBodySize()));
        modules.add(new StorageRoutes(vertx.eventBus()));
        modules.add(new TaskRoutes(vertx.eventBus()));
        modules.add(new TemplateRoutes(vertx.eventBus()));
        modules.add(new DebugVarsRoutes(stats, () -> {
            // num_subscriptions counts InfluxDB subscriptions, as Kapacitor's vars.NumSubscriptionsVar.
            Map<String, Long> counts = new java.util.HashMap<>(taskCounts.snapshot());
            counts.put("num_subscriptions", subscriptionCounts.total());
            return counts;
        }));
        modules.add(new ConfigRoutes(vertx.eventBus()));
        modules.add(new ServiceTestRoutes(new ServiceTests(HandlerServiceTests.all(vertx))));
        modules.add(new AlertRoutes(vertx.eventBus()));
        if (auth.usersEnabled()) {
            // As in Kapacitor, the users API exists only with the auth service ([auth] enabled).
            modules.add(new UserRoutes(vertx.eventBus()));
        }
        modules.add(new DiagRoutes());
        modules.add(new SideloadRoutes(() -> SideloadSources.of(vertx).reload(vertx)));
        modules.add(new SubscriptionsRoutes(vertx.eventBus()));
        modules.add(new ReplayRoutes(vertx.eventBus()));
        modules.add(new NotImplementedRoutes());
        modules.add(new ClusterRoutes(cluster != null ? cluster::describe
            : () -> ClusterNode.describeStandalone(stats.serverId(), httpAddress(), store, runner)));
        return modules;
    }

    /** The users service and, with {@code [http] auth-enabled}, the authenticator every request passes. */
    private Future<?> deployUsers() {
        Future<?> users = auth.usersEnabled()
            ? vertx.deployVerticle(new UserManagerVerticle(store, auth.bcryptCost()))
            : Future.succeededFuture();
        if (auth.httpAuthEnabled()) {
            authenticator = new Authenticator(vertx, auth, name -> vertx.eventBus()
                .<StoredUser>request(Addresses.USERS_GET, name).map(io.vertx.core.eventbus.Message::body));
            vertx.eventBus().<String>localConsumer(Addresses.USERS_CHANGED,
                msg -> authenticator.invalidate(msg.body()));
        }
        return users;
    }

    /** One listener per enabled {@code [[udp]]} entry. */
    private Future<Void> deployUdp() {
        List<Future<String>> all = new ArrayList<>();
        for (UdpListenerVerticle.Settings udp : UdpSettings.from(loaded.config().tree())) {
            all.add(vertx.deployVerticle(new UdpListenerVerticle(udp, ingest)));
        }
        return Future.all(all).mapEmpty();
    }

    /**
     * Keeps the {@code [[influxdb]]} subscriptions pointing at this server; in a cluster at one node, at the host
     * the other nodes reach its API at.
     */
    private Future<String> deploySubscriptionLinker() {
        var cfg = loaded.config();
        String host = cluster != null ? httpHost() : cfg.hostname();
        ClusterRole role = cluster != null ? cluster.role(SubscriptionLinkerVerticle.ROLE)
            : ClusterRole.standalone(stats.serverId(), SubscriptionLinkerVerticle.ROLE);
        return vertx.deployVerticle(new SubscriptionLinkerVerticle(new SubscriptionLinkerVerticle.Settings(
            stats.clusterId(), stats.serverId(), host, cfg.http().port(), auth.httpAuthEnabled(),
            auth.usersEnabled(), role), ingest, subscriptionCounts));
    }

    private Future<String> deployHttp(List<ApiModule> modules) {
        HttpConfig http = loaded.config().http();
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        HttpServerSettings settings = new HttpServerSettings(
            http.host().isEmpty() ? "0.0.0.0" : http.host(), http.port(), http.logEnabled(), http.gzip(),
            http.httpsEnabled(), http.httpsCertificate(), http.httpsPrivateKey(), http.maxBodySize(), instances);
        List<ApiModule> frozen = List.copyOf(modules);
        return vertx.deployVerticle(() -> new HttpServerVerticle(settings, frozen, authenticator),
            new DeploymentOptions().setInstances(instances));
    }

    /** host:port other nodes and operators reach this server's API at. */
    private String httpAddress() {
        return httpHost() + ":" + loaded.config().http().port();
    }

    private String httpHost() {
        HttpConfig http = loaded.config().http();
        return http.host().isEmpty() || http.host().equals("0.0.0.0") ? loaded.config().hostname() : http.host();
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
