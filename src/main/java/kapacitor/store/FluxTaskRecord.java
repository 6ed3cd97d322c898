package kapacitor.store;

import io.vertx.core.json.JsonObject;

/** A flux task row; flux script, every/cron/offset, org and latest-completed times live in {@code data}. */
public record FluxTaskRecord(String id, String name, String status, long version, JsonObject data) {
}
