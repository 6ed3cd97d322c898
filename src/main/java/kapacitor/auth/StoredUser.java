package kapacitor.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.model.LocalMessage;
import kapacitor.store.UserRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user as the store keeps it: bcrypt hash, admin flag and resource privileges (services/auth/dao.go User). The
 * hash never leaves the process; {@code version} is the store row's, for optimistic updates.
 */
public record StoredUser(String name, boolean admin, String hash, Map<String, List<Privilege>> privileges,
                         long version) implements LocalMessage {

    public StoredUser {
        privileges = privileges == null ? Map.of() : privileges;
    }

    public static StoredUser of(UserRecord record) {
        JsonObject data = record.data();
        Map<String, List<Privilege>> privileges = new LinkedHashMap<>();
        JsonObject ps = data.getJsonObject("privileges", new JsonObject());
        for (String resource : ps.fieldNames()) {
            List<Privilege> list = new ArrayList<>();
            for (Object label : ps.getJsonArray(resource, new JsonArray())) {
                list.add(Privilege.of(String.valueOf(label)));
            }
            privileges.put(resource, list);
        }
        return new StoredUser(record.name(), data.getBoolean("admin", false), data.getString("hash", ""), privileges,
            record.version());
    }

    public UserRecord toRecord() {
        JsonObject ps = new JsonObject();
        privileges.forEach((resource, list) -> {
            JsonArray labels = new JsonArray();
            list.forEach(p -> labels.add(p.label()));
            ps.put(resource, labels);
        });
        JsonObject data = new JsonObject().put("admin", admin).put("hash", hash).put("privileges", ps);
        return new UserRecord(name, version, data);
    }

    public AuthUser toAuthUser() {
        return new AuthUser(name, admin, privileges);
    }

    /** The permissions the users API shows for this user. */
    public List<Permission> permissions() {
        return Permission.fromPrivileges(privileges);
    }
}
