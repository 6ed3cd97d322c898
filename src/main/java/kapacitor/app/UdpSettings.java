package kapacitor.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kapacitor.config.BindAddress;
import kapacitor.config.ConfigException;
import kapacitor.runtime.ingest.UdpListenerVerticle;

import java.util.ArrayList;
import java.util.List;

/** Reads the enabled {@code [[udp]]} entries of the merged config tree. */
final class UdpSettings {
    private UdpSettings() {
    }

    static List<UdpListenerVerticle.Settings> from(ObjectNode tree) {
        List<UdpListenerVerticle.Settings> out = new ArrayList<>();
        JsonNode udp = tree.get("udp");
        if (udp == null || !udp.isArray()) {
            return out;
        }
        for (int i = 0; i < udp.size(); i++) {
            JsonNode u = udp.get(i);
            if (!u.path("enabled").asBoolean(false)) {
                continue;
            }
            String key = "udp[" + i + "].bind-address";
            String db = u.path("database").asText("");
            if (db.isEmpty()) {
                throw new ConfigException("invalid value for udp[" + i + "].database: a database is required");
            }
            BindAddress addr = BindAddress.parse(key, u.path("bind-address").asText(""));
            out.add(new UdpListenerVerticle.Settings(addr.host().isEmpty() ? "0.0.0.0" : addr.host(), addr.port(),
                db, u.path("retention-policy").asText(""), u.path("read-buffer").asInt(0)));
        }
        return out;
    }
}
