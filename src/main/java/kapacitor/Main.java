package kapacitor;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import kapacitor.app.Codecs;
import kapacitor.app.LoggingSetup;
import kapacitor.app.RestoreCommand;
import kapacitor.app.RootVerticle;
import kapacitor.app.Version;
import kapacitor.cluster.HazelcastSetup;
import kapacitor.config.ClusterConfig;
import kapacitor.config.ConfigException;
import kapacitor.config.ConfigLoader;
import kapacitor.config.ConfigPrinter;
import kapacitor.config.LoadedConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code kapacitord [run|config|version] [-config FILE] [-hostname H] [-log-file F] [-log-level L]}, as Kapacitor's
 * daemon. A failed start exits non-zero with the reason; SIGTERM closes the server in order.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "run";
        switch (command) {
            case "version":
                System.out.println("Kapacitor " + Version.kapacitor() + " (kapacitord-vertx " + Version.build() + ")");
                return;
            case "config":
                printConfig(args);
                return;
            case "run":
                run(args);
                return;
            case "restore":
                restore(args);
                return;
            case "help":
                usage();
                return;
            default:
                System.err.println("unknown command " + command);
                usage();
                System.exit(2);
        }
    }

    private static void usage() {
        System.out.println("Usage: kapacitord [run|config|version] [-config FILE] [-hostname NAME] "
            + "[-log-file FILE] [-log-level debug|info|error]\n"
            + "       kapacitord restore [-config FILE] BACKUP_FILE   (with the server stopped)");
    }

    private static void restore(String[] args) {
        String file = args.length > 1 ? args[args.length - 1] : null;
        if (file == null || file.startsWith("-")) {
            System.err.println("restore: missing backup file");
            System.exit(2);
        }
        LoadedConfig loaded = load(Arrays.copyOfRange(args, 1, args.length - 1));
        Vertx vertx = Vertx.vertx();
        CountDownLatch done = new CountDownLatch(1);
        int[] status = {0};
        RestoreCommand.run(vertx, loaded.config(), java.nio.file.Path.of(file)).onComplete(ar -> {
            if (ar.failed()) {
                System.err.println("restore: " + ar.cause().getMessage());
                status[0] = 1;
            } else {
                System.out.println("restored " + file + " into the configured store");
            }
            done.countDown();
        });
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        vertx.close();
        System.exit(status[0]);
    }

    private static LoadedConfig load(String[] args) {
        try {
            return ConfigLoader.load(args, System.getenv());
        } catch (ConfigException e) {
            System.err.println("run: parse config: " + e.getMessage());
            System.exit(1);
            return null;
        }
    }

    private static void printConfig(String[] args) {
        LoadedConfig loaded = load(Arrays.copyOfRange(args, 1, args.length));
        System.out.println(ConfigPrinter.toToml(loaded.tree()));
    }

    /** A Vert.x clustered through Hazelcast as {@code [cluster]} says; blocks until this member has joined. */
    private static Vertx clustered(ClusterConfig cluster) {
        CompletableFuture<Vertx> joined = new CompletableFuture<>();
        Vertx.builder().with(new VertxOptions()).withClusterManager(HazelcastSetup.clusterManager(cluster))
            .buildClustered().onComplete(ar -> {
                if (ar.succeeded()) {
                    joined.complete(ar.result());
                } else {
                    joined.completeExceptionally(ar.cause());
                }
            });
        try {
            return joined.get(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining the cluster", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out joining the cluster", e);
        }
    }

    private static void run(String[] args) {
        LoadedConfig loaded = load(args);
        LoggingSetup.apply(loaded.config().logging());
        Logger log = LoggerFactory.getLogger(Main.class);
        loaded.configFile().ifPresentOrElse(
            f -> log.info("msg=\"loaded config\" file={}", f),
            () -> log.info("msg=\"no configuration file found, using defaults\""));
        loaded.warnings().forEach(w -> log.warn("msg=\"{}\"", w));

        ClusterConfig cluster = loaded.config().cluster();
        if (cluster.enabled() && loaded.config().storage().url().isEmpty()) {
            log.error("msg=\"clustering requires a PostgreSQL store: set [storage] url\"");
            System.err.println("run: clustering requires a PostgreSQL store: set [storage] url");
            System.exit(1);
        }
        Vertx vertx;
        try {
            vertx = cluster.enabled() ? clustered(cluster) : Vertx.vertx(new VertxOptions());
        } catch (RuntimeException e) {
            log.error("msg=\"failed to join the cluster\" error=\"{}\"", e.getMessage(), e);
            System.err.println("run: failed to join the cluster: " + e.getMessage());
            // Hazelcast threads may already run: exit explicitly.
            System.exit(1);
            return;
        }
        Codecs.register(vertx);
        vertx.deployVerticle(new RootVerticle(loaded)).onComplete(ar -> {
            if (ar.failed()) {
                log.error("msg=\"failed to start kapacitord\" error=\"{}\"", ar.cause().getMessage(), ar.cause());
                // A failed start must not leave a JVM hanging on Vert.x's threads.
                vertx.close().onComplete(v -> System.exit(1));
                return;
            }
            log.info("msg=\"kapacitord started\" version={} hostname={} bind-address={} clustered={}",
                Version.kapacitor(), loaded.config().hostname(), loaded.config().http().bindAddress(),
                vertx.isClustered());
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("msg=\"signal received, shutting down\"");
            CountDownLatch closed = new CountDownLatch(1);
            vertx.close().onComplete(v -> closed.countDown());
            try {
                long timeout = loaded.config().http().shutdownTimeout().toMillis() + 5000;
                if (!closed.await(timeout, TimeUnit.MILLISECONDS)) {
                    log.warn("msg=\"shutdown timed out\"");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kapacitord-shutdown"));
    }
}
