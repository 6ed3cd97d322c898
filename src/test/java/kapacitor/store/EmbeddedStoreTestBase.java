package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Runs a contract against an H2 file database in a temporary data dir. */
public abstract class EmbeddedStoreTestBase extends StoreTestBase {

    protected Path dataDir;

    @Override
    protected Future<Store> openStore(Vertx vertx) {
        try {
            dataDir = Files.createTempDirectory("kapacitor-store-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Stores.open(vertx, "", dataDir.toString());
    }

    @Override
    protected void cleanUp() {
        deleteTree(dataDir);
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
