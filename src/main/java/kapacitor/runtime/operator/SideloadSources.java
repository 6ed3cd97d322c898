package kapacitor.runtime.operator;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The sideload source directories the running tasks of one Vert.x instance read, so that Kapacitor's
 * {@code POST /sideload/reload} can re-read them all. Sideload nodes register while their task runs; a reload reads
 * each directory once, off the event loop, and hands the new values to every node reading it on the node's task
 * thread.
 */
public final class SideloadSources implements Shareable {
    private static final String MAP = "kapacitor.sideload";

    /** A node reading a directory: its task's context and where the new values go. */
    private record Reader(Path dir, Context context, Consumer<Map<String, Map<String, Object>>> update) {
    }

    private final List<Reader> readers = new ArrayList<>();

    private SideloadSources() {
    }

    public static SideloadSources of(Vertx vertx) {
        return (SideloadSources) vertx.sharedData().getLocalMap(MAP)
            .computeIfAbsent("sources", k -> new SideloadSources());
    }

    /** Registers a node; the returned handle unregisters it (when its task stops). */
    synchronized Runnable register(Path dir, Context context, Consumer<Map<String, Map<String, Object>>> update) {
        Reader r = new Reader(dir, context, update);
        readers.add(r);
        return () -> {
            synchronized (this) {
                readers.remove(r);
            }
        };
    }

    /**
     * Re-reads every registered directory, in path order, stopping at the first that fails (its nodes then hold
     * what was read before the failure, as Kapacitor's cache does). Fails with Kapacitor's
     * {@code failed to update source "dir": ...} text.
     */
    public Future<Void> reload(Vertx vertx) {
        TreeMap<Path, List<Reader>> byDir = new TreeMap<>();
        synchronized (this) {
            for (Reader r : readers) {
                byDir.computeIfAbsent(r.dir(), d -> new ArrayList<>()).add(r);
            }
        }
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<Path, List<Reader>> e : byDir.entrySet()) {
            chain = chain.compose(v -> reloadOne(vertx, e.getKey(), e.getValue()));
        }
        return chain;
    }

    private static Future<Void> reloadOne(Vertx vertx, Path dir, List<Reader> readers) {
        Map<String, Map<String, Object>> cache = new HashMap<>();
        return vertx.<Void>executeBlocking(() -> {
            try {
                SideloadValues.loadInto(dir, cache);
                return null;
            } finally {
                Map<String, Map<String, Object>> values = Map.copyOf(cache);
                for (Reader r : readers) {
                    r.context().runOnContext(x -> r.update().accept(values));
                }
            }
        }, false).recover(err -> Future.failedFuture("failed to update source \"" + dir + "\": "
            + describe(dir, err)));
    }

    /** The failure as Kapacitor's fileSource.UpdateCache words it. */
    static String describe(Path dir, Throwable err) {
        String text;
        if (err instanceof NoSuchFileException n) {
            text = "lstat " + n.getFile() + ": no such file or directory";
        } else if (err instanceof AccessDeniedException a) {
            text = "open " + a.getFile() + ": permission denied";
        } else if (err instanceof IOException && err.getMessage() != null) {
            text = err.getMessage();
        } else {
            text = String.valueOf(err.getMessage());
        }
        String prefix = "failed to update sideload cache for source file \"" + dir + "\": ";
        return text.startsWith(prefix) ? text : prefix + text;
    }
}
