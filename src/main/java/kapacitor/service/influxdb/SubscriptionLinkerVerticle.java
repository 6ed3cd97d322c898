package kapacitor.service.influxdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.api.ApiException;
import kapacitor.api.Json;
import kapacitor.app.Addresses;
import kapacitor.app.Replies;
import kapacitor.cluster.ClusterRole;
import kapacitor.influxdb.InfluxDBConfig;
import kapacitor.influxdb.SubscriptionConfig;
import kapacitor.runtime.ingest.IngestRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kapacitor's InfluxDB service, subscription side: one {@link ClusterLinker} per enabled {@code [[influxdb]]}
 * section of the live configuration, linked at start-up, every subscriptions-sync-interval, on
 * {@link Addresses#SUBSCRIPTIONS_LINK} (POST /kapacitor/v1/subscriptions) and after an {@code influxdb} config
 * update. Start-up waits for the first link (so subscriptions exist before the HTTP API answers, as in Kapacitor),
 * but only while InfluxDB answers: when it does not, start-up goes on and the linker keeps retrying in the
 * background instead of failing the server after startup-timeout as kapacitord does.
 * <p>
 * In a cluster the nodes share one cluster id, hence one subscription name, and only the holder of the
 * {@link #ROLE} role links: InfluxDB then sends each write to one node, which forwards it to the nodes running the
 * tasks that want it. When the role moves (the holder died, a node joined) the new holder links at once, which
 * points the subscriptions at itself; the old one stops linking and leaves them alone. POST /subscriptions on
 * another node is forwarded to the holder, so it answers as the link itself does.
 */
public final class SubscriptionLinkerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionLinkerVerticle.class);
    /** Start-up waits no longer than this for an InfluxDB whose address does not answer at all. */
    private static final long STARTUP_WAIT_MS = 10_000;
    /** The cluster role whose holder links the subscriptions of every {@code [[influxdb]]} cluster. */
    public static final String ROLE = "influxdb-subscriptions";
    /** A forwarded link waits this much longer than the holder's own connection retries may last. */
    private static final long FORWARD_MARGIN_MS = 30_000;

    /**
     * Ids and defaults that come from the server rather than from the sections; {@code role} says which node links
     * (always this one on a standalone server).
     */
    public record Settings(String clusterId, String serverId, String hostname, int httpPort, boolean httpAuthEnabled,
                           boolean usersEnabled, ClusterRole role) {
    }

    private final Settings settings;
    private final IngestRouter ingest;
    private final SubscriptionCounts counts;
    private final Map<String, ClusterLinker> clusters = new LinkedHashMap<>();
    private ClusterLinker.ServerContext server;

    public SubscriptionLinkerVerticle(Settings settings, IngestRouter ingest, SubscriptionCounts counts) {
        this.settings = settings;
        this.ingest = ingest;
        this.counts = counts;
    }

    @Override
    public Future<?> start() {
        // With stored users a token must be granted as a user; without them any token is accepted.
        SubscriptionTokens tokens = settings.usersEnabled() ? SubscriptionTokens.users(vertx.eventBus())
            : SubscriptionTokens.NONE;
        ClusterRole role = settings.role();
        server = new ClusterLinker.ServerContext(settings.clusterId(), settings.serverId(), settings.hostname(),
            settings.httpPort(), settings.httpAuthEnabled(), tokens, ingest, counts, role::heldHere);
        vertx.eventBus().<Object>localConsumer(Addresses.SUBSCRIPTIONS_LINK, msg -> Replies.reply(msg,
            role.heldHere() ? linkAll() : forward(role.holder())));
        MessageConsumer<Object> forwarded = vertx.eventBus().consumer(Addresses.nodeSubscriptionsLink(role.self()),
            msg -> Replies.reply(msg, role.heldHere() ? linkAll() : Future.failedFuture(new ApiException(503,
                "node " + role.self() + " does not link the subscriptions, node " + role.holder() + " does"))));
        vertx.eventBus().<JsonObject>localConsumer(Addresses.CONFIG_CHANGED, this::configChanged);
        role.listen(context, this::roleMoved);
        return forwarded.completion()
            .compose(v -> vertx.eventBus().<JsonObject>request(Addresses.CONFIG_GET, "influxdb"))
            .compose(msg -> apply(msg.body().getJsonArray("elements")));
    }

    private void roleMoved(boolean heldHere) {
        if (heldHere) {
            LOG.info("msg=\"this node links the InfluxDB subscriptions now\" service=influxdb");
            linkAll().onFailure(e -> LOG.error("msg=\"failed to link subscriptions\" service=influxdb err=\"{}\"",
                e.getMessage()));
        } else {
            LOG.info("msg=\"another node links the InfluxDB subscriptions now\" service=influxdb holder={}",
                settings.role().holder());
            clusters.values().forEach(ClusterLinker::standDown);
        }
    }

    /** POST /subscriptions on a node that does not link: the holder links, and its answer is the answer. */
    private Future<Void> forward(String holder) {
        long retries = 0;
        for (ClusterLinker c : clusters.values()) {
            retries = Math.max(retries, c.config().startupTimeoutNanos() / 1_000_000L);
        }
        DeliveryOptions wait = new DeliveryOptions().setSendTimeout(retries + FORWARD_MARGIN_MS);
        return vertx.eventBus().request(Addresses.nodeSubscriptionsLink(holder), null, wait).mapEmpty();
    }

    /** Links every cluster in turn; the first failure ends it, worded as Kapacitor's LinkSubscriptions. */
    private Future<Void> linkAll() {
        Future<Void> chain = Future.succeededFuture();
        for (ClusterLinker c : new ArrayList<>(clusters.values())) {
            chain = chain.compose(v -> c.link().recover(e -> Future.failedFuture(
                new ApiException(500, "linking cluster " + c.name() + ": " + e.getMessage()))));
        }
        return chain;
    }

    private void configChanged(Message<JsonObject> msg) {
        if (!"influxdb".equals(msg.body().getString("section"))) {
            return;
        }
        apply(msg.body().getJsonArray("elements")).onFailure(e -> LOG.error(
            "msg=\"failed to apply influxdb configuration\" service=influxdb err=\"{}\"", e.getMessage()));
    }

    /**
     * Brings the linkers in line with the sections (Kapacitor's updateConfigs): new enabled clusters open, changed
     * ones update, disabled or removed ones unlink their subscriptions and close. Completes once the new clusters
     * are linked or found unreachable.
     */
    private Future<Void> apply(JsonArray elements) {
        List<SubscriptionConfig> subs;
        List<InfluxDBConfig> connections;
        try {
            ObjectNode tree = Json.MAPPER.createObjectNode();
            JsonNode list = Json.MAPPER.readTree(elements == null ? "[]" : elements.encode());
            tree.set("influxdb", list);
            subs = SubscriptionConfig.fromTree(tree);
            connections = InfluxDBConfig.fromTree(tree);
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
        List<Future<Void>> opened = new ArrayList<>();
        Set<String> enabled = new HashSet<>();
        for (int i = 0; i < subs.size(); i++) {
            SubscriptionConfig sc = subs.get(i);
            if (!sc.enabled()) {
                continue;
            }
            enabled.add(sc.name());
            ClusterLinker existing = clusters.get(sc.name());
            try {
                if (existing != null) {
                    existing.update(sc, connections.get(i));
                } else {
                    ClusterLinker c = new ClusterLinker(vertx, server, sc, connections.get(i));
                    clusters.put(sc.name(), c);
                    opened.add(openAtStartup(c));
                }
            } catch (RuntimeException e) {
                // One unusable section (say, an override that emptied its urls) leaves the others linking.
                LOG.error("msg=\"failed to update cluster\" service=influxdb cluster={} err=\"{}\"", sc.name(),
                    e.getMessage());
            }
        }
        for (ClusterLinker c : new ArrayList<>(clusters.values())) {
            if (!enabled.contains(c.name())) {
                clusters.remove(c.name());
                c.unlink()
                    .onFailure(e -> LOG.error("msg=\"failed to unlink subscriptions for cluster\" service=influxdb"
                        + " cluster={} err=\"{}\"", c.name(), e.getMessage()))
                    .transform(ar -> c.close());
            }
        }
        revokeClusterTokens(enabled);
        return Future.join(opened).mapEmpty();
    }

    /** Revokes the subscription tokens of clusters that are gone or disabled, and tokens that are not ours. */
    private void revokeClusterTokens(Set<String> enabled) {
        server.tokens().list().onSuccess(tokens -> tokens.forEach(token -> {
            String cluster = SubscriptionTokens.clusterOf(token);
            if (cluster == null || !enabled.contains(cluster)) {
                server.tokens().revoke(token);
            }
        })).onFailure(e -> LOG.error("msg=\"revoking old cluster tokens\" service=influxdb err=\"{}\"",
            e.getMessage()));
    }

    /** Completes when the first link ends, when InfluxDB first fails to answer, or after STARTUP_WAIT_MS. */
    private Future<Void> openAtStartup(ClusterLinker c) {
        Promise<Void> ready = Promise.promise();
        long timer = vertx.setTimer(STARTUP_WAIT_MS, t -> ready.tryComplete());
        c.open(ready).onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.failed()) {
                LOG.error("msg=\"failed to link subscription on startup\" service=influxdb cluster={} err=\"{}\"",
                    c.name(), ar.cause().getMessage());
            }
            ready.tryComplete();
        });
        return ready.future();
    }

    @Override
    public Future<?> stop() {
        settings.role().close();
        List<Future<Void>> all = new ArrayList<>();
        clusters.values().forEach(c -> all.add(c.close()));
        clusters.clear();
        return Future.join(all);
    }
}
