package kapacitor.service.influxdb;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import kapacitor.influxdb.HttpInfluxDBClient;
import kapacitor.influxdb.InfluxDBConfig;
import kapacitor.influxdb.QueryResponse;
import kapacitor.influxdb.SubscriptionConfig;
import kapacitor.runtime.ingest.IngestRouter;
import kapacitor.runtime.ingest.UdpListenerVerticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Keeps one {@code [[influxdb]]} cluster's subscriptions pointing at this server, as Kapacitor's influxdbCluster
 * does: a subscription {@code kapacitor-<cluster or server id>} with mode ANY on every database and retention
 * policy the config selects, stale ones of ours dropped and re-created, UDP listeners for udp subscriptions.
 * Confined to the linker verticle's event loop; link and unlink runs are queued so two never interleave, and a new
 * run cancels the connection retries of the one before it.
 */
final class ClusterLinker {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterLinker.class);
    /** Kapacitor's subscription name before 1.0 and the one before cluster ids got a prefix: renamed on sight. */
    private static final String LEGACY_NAME = "kapacitor";
    private static final String NAME_PREFIX = "kapacitor-";
    static final String SUBSCRIPTION_USER = "~subscriber";
    private static final long INITIAL_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 60_000;

    /**
     * Ids and defaults that come from the server, not from the section. {@code linksHere} says whether this node
     * is the one that links (always, standalone; one node of a cluster): the others leave InfluxDB alone.
     */
    record ServerContext(String clusterId, String serverId, String hostname, int httpPort, boolean authEnabled,
                         SubscriptionTokens tokens, IngestRouter ingest, SubscriptionCounts counts,
                         BooleanSupplier linksHere) {
    }

    private record SubEntry(String db, String rp, String name) {
    }

    private record SubInfo(String mode, List<String> destinations) {
    }

    /** A UDP listener this cluster started for a udp subscription. */
    private record UdpListener(String deploymentId, int port) {
    }

    private final Vertx vertx;
    private final ServerContext server;
    private final String name;
    private final SecureRandom random = new SecureRandom();
    private final Set<SubEntry> running = new HashSet<>();
    private final Map<SubEntry, UdpListener> listeners = new HashMap<>();

    private SubscriptionConfig config;
    private HttpInfluxDBClient client;
    private InfluxDBConfig connection;
    private String subName;
    private String hostname;
    private int httpPort;
    private boolean useTokens;
    private Future<Void> tail = Future.succeededFuture();
    /** Bumped by every queued run; a run whose number is stale stops retrying the connection. */
    private long generation;
    private long syncTimer = -1;
    private int numSubscriptions;
    private Promise<Void> unreachable;

    ClusterLinker(Vertx vertx, ServerContext server, SubscriptionConfig config, InfluxDBConfig connection) {
        this.vertx = vertx;
        this.server = server;
        this.name = config.name();
        apply(config, connection);
    }

    String name() {
        return name;
    }

    SubscriptionConfig config() {
        return config;
    }

    /** Subscriptions of ours the last link left in place (Kapacitor's num_subscriptions for this cluster). */
    int numSubscriptions() {
        return numSubscriptions;
    }

    private void apply(SubscriptionConfig c, InfluxDBConfig connection) {
        this.config = c;
        this.subName = subscriptionName(c, server);
        this.hostname = c.kapacitorHostname().isEmpty() ? server.hostname() : c.kapacitorHostname();
        this.httpPort = c.httpPort() != 0 ? c.httpPort() : server.httpPort();
        // Tokens travel as URL credentials, so only the http protocols carry them.
        this.useTokens = server.authEnabled() && (c.protocol().equals("http") || c.protocol().equals("https"));
        if (connection.equals(this.connection)) {
            return;
        }
        HttpInfluxDBClient old = client;
        client = new HttpInfluxDBClient(vertx, connection);
        this.connection = connection;
        if (old != null) {
            // A run in progress may still be waiting on the old client's answers.
            tail.onComplete(ar -> old.close());
        }
        if (connection.insecureSkipVerify()) {
            LOG.info("msg=\"using InsecureSkipVerify when connecting to InfluxDB; this is insecure\" service=influxdb"
                + " cluster={} urls={}", name, connection.urls());
        }
    }

    static String subscriptionName(SubscriptionConfig c, ServerContext server) {
        return NAME_PREFIX + ("server".equals(c.mode()) ? server.serverId() : server.clusterId());
    }

    /**
     * Starts the periodic re-link and links now. {@code unreachable} is completed the first time InfluxDB does not
     * answer a ping, so start-up need not wait for the retries.
     */
    Future<Void> open(Promise<Void> unreachable) {
        this.unreachable = unreachable;
        watch();
        return link();
    }

    /**
     * Applies a changed section (Kapacitor's influxdbCluster.Update): subscriptions of the old name are unlinked
     * when the name changes or subscriptions get disabled, UDP listeners restart when their settings change, and
     * the subscriptions are linked again in the background.
     */
    void update(SubscriptionConfig c, InfluxDBConfig connection) {
        SubscriptionConfig old = config;
        String oldName = subName;
        boolean wasDisabled = old.disabled();
        apply(c, connection);
        if (!old.udpBind().equals(c.udpBind()) || old.udpBuffer() != c.udpBuffer()
            || old.udpReadBuffer() != c.udpReadBuffer()) {
            closeListeners();
        }
        if ((c.disabled() && !wasDisabled) || !oldName.equals(subName)) {
            enqueue(gen -> unlinkNow(oldName));
        }
        if (old.syncIntervalNanos() != c.syncIntervalNanos() || old.disabled() != c.disabled()) {
            watch();
        }
        link().onFailure(e -> LOG.error("msg=\"failed to link subscription for cluster\" service=influxdb"
            + " cluster={} err=\"{}\"", name, e.getMessage()));
    }

    /** Queues a link run; fails with the reason linking stopped. */
    Future<Void> link() {
        return enqueue(this::linkNow);
    }

    /** Queues dropping every subscription of ours (the cluster was removed or disabled). */
    Future<Void> unlink() {
        return enqueue(gen -> unlinkNow(subName));
    }

    /**
     * Another node of the cluster links from now on: the retries of a run in progress stop and the UDP listeners
     * close, but the subscriptions stay for the new linker to point at itself.
     */
    Future<Void> standDown() {
        return enqueue(gen -> closeListeners().map(v -> {
            running.clear();
            numSubscriptions = 0;
            server.counts().set(name, 0);
            return null;
        }));
    }

    /** Stops the periodic re-link, the UDP listeners and the client. */
    Future<Void> close() {
        generation++;
        if (syncTimer >= 0) {
            vertx.cancelTimer(syncTimer);
            syncTimer = -1;
        }
        server.counts().remove(name);
        Future<Void> closed = tail.transform(ar -> closeListeners());
        return closed.onComplete(ar -> client.close());
    }

    private Future<Void> enqueue(Function<Long, Future<Void>> run) {
        long gen = ++generation;
        Future<Void> next = tail.transform(ar -> run.apply(gen));
        tail = next;
        return next;
    }

    private void watch() {
        if (syncTimer >= 0) {
            vertx.cancelTimer(syncTimer);
            syncTimer = -1;
        }
        long every = config.syncIntervalNanos() / 1_000_000L;
        if (!config.disabled() && every > 0) {
            // Kapacitor's ticker ignores the outcome; a failure is logged by the run's own retries.
            syncTimer = vertx.setPeriodic(every, id -> link().onFailure(e -> LOG.debug(
                "msg=\"periodic subscription link failed\" service=influxdb cluster={} err=\"{}\"", name,
                e.getMessage())));
        }
    }

    // ---- linking (Kapacitor's linkSubscriptions) ----

    private Future<Void> linkNow(long gen) {
        if (config.disabled() || !server.linksHere().getAsBoolean()) {
            return Future.succeededFuture();
        }
        LOG.debug("msg=\"linking subscription for cluster\" service=influxdb cluster={}", name);
        String subName = this.subName;
        return validate(gen)
            .compose(v -> allSubscriptions(subName))
            .compose(all -> query(InfluxQL.SHOW_SUBSCRIPTIONS).compose(resp -> reconcile(subName, all, resp)));
    }

    /** Every db.rp of the cluster as an entry named {@code subName}. */
    private Future<List<SubEntry>> allSubscriptions(String subName) {
        return query(InfluxQL.SHOW_DATABASES).compose(resp -> {
            List<SubEntry> all = new ArrayList<>();
            Future<Void> chain = Future.succeededFuture();
            for (String db : firstColumn(resp)) {
                chain = chain.compose(v -> query(InfluxQL.showRetentionPolicies(db)).map(rps -> {
                    firstColumn(rps).forEach(rp -> all.add(new SubEntry(db, rp, subName)));
                    return null;
                }));
            }
            return chain.map(v -> all);
        });
    }

    /** Values of the first column when the answer is exactly one result with one series, as Kapacitor reads it. */
    private static List<String> firstColumn(QueryResponse resp) {
        List<String> out = new ArrayList<>();
        if (resp.results().size() == 1 && resp.results().get(0).series().size() == 1) {
            for (List<Object> row : resp.results().get(0).series().get(0).values()) {
                out.add(String.valueOf(row.get(0)));
            }
        }
        return out;
    }

    private Future<Void> reconcile(String subName, List<SubEntry> all, QueryResponse resp) {
        Map<SubEntry, SubInfo> existing = new LinkedHashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<SubEntry, SubInfo> row : rows(resp).entrySet()) {
            SubEntry se = row.getKey();
            SubInfo si = row.getValue();
            if (se.name().equals(LEGACY_NAME) || se.name().equals(server.clusterId())) {
                // An old-style name: drop it and recreate it under the current one.
                SubEntry renamed = new SubEntry(se.db(), se.rp(), subName);
                chain = chain.compose(v -> drop(se))
                    .compose(v -> create(renamed, si.mode(), si.destinations()))
                    .map(v -> {
                        existing.put(renamed, si);
                        return null;
                    });
            } else if (se.name().equals(subName)) {
                chain = chain.compose(v -> {
                    if (changedOrInvalid(si)) {
                        // Let it be recreated with the current destination.
                        return drop(se).otherwiseEmpty().compose(x -> closeSub(se));
                    }
                    existing.put(se, si);
                    return Future.succeededFuture();
                });
            }
        }
        return chain
            .compose(v -> adoptOrDropExisting(existing))
            .compose(v -> createMissing(all, existing))
            .compose(v -> revokeStaleTokens(existing))
            .compose(v -> closeDropped(existing))
            .map(v -> {
                numSubscriptions = existing.size();
                server.counts().set(name, numSubscriptions);
                return null;
            });
    }

    /** SHOW SUBSCRIPTIONS rows: one series per database, columns retention_policy, name, mode, destinations. */
    private static Map<SubEntry, SubInfo> rows(QueryResponse resp) {
        Map<SubEntry, SubInfo> out = new LinkedHashMap<>();
        for (QueryResponse.Result r : resp.results()) {
            for (QueryResponse.Series s : r.series()) {
                for (List<Object> v : s.values()) {
                    String rp = "";
                    String subName = "";
                    String mode = "";
                    List<String> destinations = new ArrayList<>();
                    for (int i = 0; i < s.columns().size() && i < v.size(); i++) {
                        Object value = v.get(i);
                        switch (s.columns().get(i)) {
                            case "retention_policy":
                                rp = String.valueOf(value);
                                break;
                            case "name":
                                subName = String.valueOf(value);
                                break;
                            case "mode":
                                mode = String.valueOf(value);
                                break;
                            case "destinations":
                                if (value instanceof List<?> list) {
                                    list.forEach(d -> destinations.add(String.valueOf(d)));
                                } else if (value instanceof io.vertx.core.json.JsonArray arr) {
                                    arr.forEach(d -> destinations.add(String.valueOf(d)));
                                }
                                break;
                            default:
                                break;
                        }
                    }
                    out.put(new SubEntry(s.name(), rp, subName), new SubInfo(mode, List.copyOf(destinations)));
                }
            }
        }
        return out;
    }

    /**
     * Subscriptions of ours that should stay are marked running (a udp one gets its listener back on the port it
     * names); those the config no longer selects are dropped.
     */
    private Future<Void> adoptOrDropExisting(Map<SubEntry, SubInfo> existing) {
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<SubEntry, SubInfo> e : new ArrayList<>(existing.entrySet())) {
            SubEntry se = e.getKey();
            boolean shouldExist = config.shouldSubscribe(se.db(), se.rp());
            if (shouldExist && !running.contains(se)) {
                chain = chain.compose(v -> adopt(se, e.getValue()));
            } else if (!shouldExist) {
                chain = chain.compose(v -> drop(se).otherwiseEmpty()).map(v -> {
                    existing.remove(se);
                    return null;
                });
            }
        }
        return chain;
    }

    private Future<Void> adopt(SubEntry se, SubInfo si) {
        for (String dest : si.destinations()) {
            Destination u = Destination.parse(dest);
            if (u == null) {
                LOG.error("msg=\"invalid URL in subscription destinations\" service=influxdb cluster={} url={}",
                    name, dest);
                continue;
            }
            if (u.port() == null) {
                LOG.error("msg=\"invalid host in subscription\" service=influxdb cluster={} err=\"missing port in"
                    + " address\"", name);
                continue;
            }
            if (u.host().equals(hostname)) {
                Future<Void> started = "udp".equals(u.scheme())
                    ? startUdpListener(se, Math.max(0, u.portNumber())).<Void>mapEmpty().recover(e -> {
                        LOG.error("msg=\"failed to start UDP listener\" service=influxdb cluster={} err=\"{}\"",
                            name, e.getMessage());
                        return Future.succeededFuture();
                    })
                    : Future.succeededFuture();
                return started.map(v -> {
                    running.add(se);
                    return null;
                });
            }
        }
        return Future.succeededFuture();
    }

    /** Creates the subscriptions the config selects that are not in place and running. */
    private Future<Void> createMissing(List<SubEntry> all, Map<SubEntry, SubInfo> existing) {
        Future<Void> chain = Future.succeededFuture();
        for (SubEntry se : all) {
            chain = chain.compose(v -> {
                if (!config.shouldSubscribe(se.db(), se.rp()) || (running.contains(se) && existing.containsKey(se))) {
                    return Future.succeededFuture();
                }
                return destination(se).compose(dest -> {
                    List<String> destinations = List.of(dest);
                    return create(se, "ANY", destinations).map(x -> {
                        running.add(se);
                        existing.put(se, new SubInfo("ANY", destinations));
                        return null;
                    });
                });
            });
        }
        return chain;
    }

    private Future<String> destination(SubEntry se) {
        String configured = config.subscriptionPath();
        // Go's URL.String adds the '/' between host and a relative path.
        String path = !configured.isEmpty() && !configured.startsWith("/") ? "/" + configured : configured;
        String base = config.protocol() + "://";
        String hostPort = hostname + ":" + httpPort;
        switch (config.protocol()) {
            case "udp": {
                return startUdpListener(se, 0)
                    .recover(e -> {
                        LOG.error("msg=\"failed to start UDP listener\" service=influxdb cluster={} err=\"{}\"", name,
                            e.getMessage());
                        return Future.succeededFuture(0);
                    })
                    .map(port -> "udp://" + hostname + ":" + port);
            }
            default: {
                if (!useTokens) {
                    return Future.succeededFuture(base + hostPort + path);
                }
                String token = SubscriptionTokens.generate(name, random);
                return server.tokens().grant(token, se.db(), se.rp())
                    .map(v -> base + SUBSCRIPTION_USER + ":" + token + "@" + hostPort + path);
            }
        }
    }

    /** Whether a subscription of ours no longer points where the config says (Kapacitor's changedOrInvalid). */
    private boolean changedOrInvalid(SubInfo si) {
        if (si.destinations().isEmpty()) {
            return true;
        }
        Destination u = Destination.parse(si.destinations().get(0));
        if (u == null || !config.protocol().equals(u.scheme())) {
            return true;
        }
        if (u.port() == null || !u.host().equals(hostname)) {
            return true;
        }
        if (u.scheme().equals("http") || u.scheme().equals("https")) {
            if (u.portNumber() != httpPort) {
                return true;
            }
            if (!useTokens) {
                return u.userInfo() != null;
            }
            if (u.userInfo() == null || !u.userInfo().startsWith(SUBSCRIPTION_USER + ":")) {
                return true;
            }
            String token = u.userInfo().substring(SUBSCRIPTION_USER.length() + 1);
            return !name.equals(SubscriptionTokens.clusterOf(token));
        }
        return false;
    }

    /** Revokes this cluster's tokens that no remaining subscription uses. */
    private Future<Void> revokeStaleTokens(Map<SubEntry, SubInfo> existing) {
        return server.tokens().list()
            .recover(e -> Future.failedFuture("getting existing subscription tokens: " + e.getMessage()))
            .compose(tokens -> {
                Set<String> inUse = new HashSet<>();
                if (useTokens) {
                    for (SubInfo si : existing.values()) {
                        String token = tokenOf(si.destinations().isEmpty() ? "" : si.destinations().get(0));
                        if (token != null) {
                            inUse.add(token);
                        }
                    }
                }
                Future<Void> chain = Future.succeededFuture();
                for (String token : tokens) {
                    if (name.equals(SubscriptionTokens.clusterOf(token)) && !inUse.contains(token)) {
                        chain = chain.compose(v -> server.tokens().revoke(token).otherwiseEmpty());
                    }
                }
                return chain;
            });
    }

    private static String tokenOf(String destination) {
        Destination u = Destination.parse(destination);
        int colon = u == null || u.userInfo() == null ? -1 : u.userInfo().indexOf(':');
        return colon < 0 ? null : u.userInfo().substring(colon + 1);
    }

    /** Stops what runs for subscriptions that are gone (their database or retention policy was dropped). */
    private Future<Void> closeDropped(Map<SubEntry, SubInfo> existing) {
        Future<Void> chain = Future.succeededFuture();
        for (SubEntry se : new ArrayList<>(running)) {
            if (!existing.containsKey(se)) {
                chain = chain.compose(v -> closeSub(se).recover(e -> {
                    LOG.error("msg=\"failed to close service\" service=influxdb cluster={} dbrp={}.{} name={}"
                        + " err=\"{}\"", name, se.db(), se.rp(), se.name(), e.getMessage());
                    return Future.succeededFuture();
                }));
            }
        }
        return chain;
    }

    // ---- unlinking ----

    private Future<Void> unlinkNow(String subName) {
        if (!server.linksHere().getAsBoolean()) {
            // The subscriptions are the linking node's to drop; this node's config change does not reach it.
            return Future.succeededFuture();
        }
        LOG.debug("msg=\"unlinking subscription for cluster\" service=influxdb cluster={}", name);
        return query(InfluxQL.SHOW_SUBSCRIPTIONS).compose(resp -> {
            Future<Void> chain = Future.succeededFuture();
            for (SubEntry se : rows(resp).keySet()) {
                if (se.name().equals(subName)) {
                    chain = chain.compose(v -> drop(se).otherwiseEmpty()).compose(v -> closeSub(se));
                }
            }
            return chain;
        }).onSuccess(v -> {
            numSubscriptions = 0;
            server.counts().set(name, 0);
        });
    }

    // ---- InfluxDB and listeners ----

    /**
     * Pings until InfluxDB answers, backing off exponentially (500 ms, x1.5, +-50 %, at most 60 s apart) for at
     * most startup-timeout, as Kapacitor's validateClientWithBackoff; a newer run cancels this one.
     */
    private Future<Void> validate(long gen) {
        Promise<Void> done = Promise.promise();
        long deadline = System.nanoTime() + config.startupTimeoutNanos();
        ping(gen, deadline, INITIAL_BACKOFF_MS, done);
        return done.future();
    }

    private void ping(long gen, long deadline, long intervalMs, Promise<Void> done) {
        if (gen != generation) {
            done.fail("canceled");
            return;
        }
        client.ping().onComplete(ar -> {
            if (ar.succeeded()) {
                done.complete();
                return;
            }
            if (unreachable != null) {
                unreachable.tryComplete();
                unreachable = null;
            }
            LOG.error("msg=\"failed to connect to InfluxDB, retrying...\" service=influxdb cluster={} err=\"{}\"",
                name, ar.cause().getMessage());
            double jitter = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * 0.5;
            long delay = Math.max(1, (long) (intervalMs * jitter));
            if (System.nanoTime() + delay * 1_000_000L > deadline) {
                done.fail("failed to connect to InfluxDB, retry limit reached");
                return;
            }
            long next = Math.min(MAX_BACKOFF_MS, (long) (intervalMs * 1.5));
            vertx.setTimer(delay, t -> ping(gen, deadline, next, done));
        });
    }

    private Future<QueryResponse> query(String q) {
        return client.query(q, "");
    }

    private Future<Void> create(SubEntry se, String mode, List<String> destinations) {
        if (!server.linksHere().getAsBoolean()) {
            return notLinkingHere();
        }
        return query(InfluxQL.createSubscription(se.name(), se.db(), se.rp(), mode, destinations)).<Void>mapEmpty()
            .recover(e -> Future.failedFuture("creating sub " + se.name() + " for db \"" + se.db() + "\" and rp \""
                + se.rp() + "\": " + e.getMessage()));
    }

    private Future<Void> drop(SubEntry se) {
        if (!server.linksHere().getAsBoolean()) {
            return notLinkingHere();
        }
        return query(InfluxQL.dropSubscription(se.name(), se.db(), se.rp())).mapEmpty();
    }

    /** A run that began while this node linked must not undo what the node linking now did. */
    private static Future<Void> notLinkingHere() {
        return Future.failedFuture("another node of the cluster links the subscriptions now");
    }

    private Future<Integer> startUdpListener(SubEntry se, int port) {
        String bind = config.udpBind().isEmpty() ? "0.0.0.0" : config.udpBind();
        UdpListenerVerticle listener = new UdpListenerVerticle(
            new UdpListenerVerticle.Settings(bind, port, se.db(), se.rp(), config.udpReadBuffer()), server.ingest());
        return vertx.deployVerticle(listener).map(id -> {
            listeners.put(se, new UdpListener(id, listener.port()));
            LOG.info("msg=\"started UDP listener\" service=influxdb cluster={} dbrp={}.{}", name, se.db(), se.rp());
            return listener.port();
        });
    }

    private Future<Void> closeSub(SubEntry se) {
        running.remove(se);
        UdpListener l = listeners.remove(se);
        return l == null ? Future.succeededFuture() : undeploy(l);
    }

    private Future<Void> closeListeners() {
        List<Future<Void>> all = new ArrayList<>();
        for (Map.Entry<SubEntry, UdpListener> e : new ArrayList<>(listeners.entrySet())) {
            running.remove(e.getKey());
            listeners.remove(e.getKey());
            all.add(undeploy(e.getValue()));
        }
        return Future.join(all).mapEmpty();
    }

    /** Listeners are child deployments of the linker, so Vert.x may have undeployed them already at shutdown. */
    private Future<Void> undeploy(UdpListener l) {
        return vertx.deploymentIDs().contains(l.deploymentId()) ? vertx.undeploy(l.deploymentId())
            : Future.succeededFuture();
    }

}
