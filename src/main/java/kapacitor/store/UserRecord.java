package kapacitor.store;

import io.vertx.core.json.JsonObject;

/** A user row (Kapacitor's auth User); admin flag, password hash and privileges live in {@code data}. */
public record UserRecord(String name, long version, JsonObject data) {
}
