package kapacitor.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import kapacitor.config.KapacitorConfig;
import kapacitor.store.StoreBackup;
import kapacitor.store.Stores;

import java.nio.file.Path;

/**
 * {@code kapacitord restore FILE}: replaces the configured store's contents with a dump taken from
 * {@code GET /kapacitor/v1/storage/backup}. Run it while the server is stopped, as Kapacitor's restore (copying
 * kapacitor.db back) is done.
 */
public final class RestoreCommand {
    private RestoreCommand() {
    }

    public static Future<Void> run(Vertx vertx, KapacitorConfig config, Path dump) {
        return vertx.fileSystem().readFile(dump.toString())
            .compose(bytes -> Stores.open(vertx, config.storage().url(), config.dataDir().toString())
                .compose(store -> restore(store, bytes).eventually(store::close)));
    }

    private static Future<Void> restore(kapacitor.store.Store store, Buffer bytes) {
        return StoreBackup.restore(store, bytes);
    }
}
