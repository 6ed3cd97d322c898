package kapacitor.service.storage;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import kapacitor.api.ApiException;
import kapacitor.app.Addresses;
import kapacitor.app.Replies;
import kapacitor.store.NotFoundException;
import kapacitor.store.Store;
import kapacitor.store.StoreBackup;

/** The storage API's rules: backups, the list of stores, and store actions (Kapacitor's services/storage/api.go). */
public final class StorageManagerVerticle extends VerticleBase {
    private final Store store;

    public StorageManagerVerticle(Store store) {
        this.store = store;
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        bus.localConsumer(Addresses.STORAGE_BACKUP, msg -> Replies.reply(msg, StoreBackup.dump(store)));
        bus.localConsumer(Addresses.STORAGE_LIST,
            msg -> Replies.reply(msg, Future.succeededFuture(new io.vertx.core.json.JsonArray(StoreBackup.storeNames()))));
        bus.<StorageAction>localConsumer(Addresses.STORAGE_ACTION, msg -> Replies.reply(msg, act(msg.body())));
        return Future.succeededFuture();
    }

    private Future<Void> act(StorageAction cmd) {
        if (!StoreBackup.storeNames().contains(cmd.name())) {
            return Future.failedFuture(new ApiException(404, "unknown storage \"" + cmd.name() + "\""));
        }
        if (cmd.decodeError() != null) {
            return Future.failedFuture(new ApiException(400, "failed to unmarshal storage action " + cmd.decodeError()));
        }
        if (!"rebuild".equals(cmd.action())) {
            // Kapacitor's text, typo included: clients match on it.
            return Future.failedFuture(new ApiException(400, "unkown storage action \"" + cmd.action() + "\""));
        }
        return StoreBackup.rebuild(store, cmd.name())
            .recover(e -> Future.failedFuture(e instanceof NotFoundException
                ? new ApiException(404, e.getMessage())
                : new ApiException(500, "failed to rebuild \"" + cmd.name() + "\": " + e.getMessage())));
    }
}
