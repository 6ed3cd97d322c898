package kapacitor.auth;

import com.fasterxml.jackson.databind.JsonNode;
import kapacitor.config.ConfigException;
import kapacitor.config.KapacitorConfig;
import kapacitor.util.Durations;

import java.time.Duration;

/**
 * What authentication needs from the configuration. Two switches, as in Kapacitor: {@code [http] auth-enabled}
 * makes every request present credentials; {@code [auth] enabled} makes users real (stored, with passwords and
 * privileges) and mounts the users API. With the first but not the second, Kapacitor's "noauth" service accepts any
 * credentials as an admin of that name.
 *
 * @param cacheExpiration how long a looked-up user (admin flag, privileges) is trusted before the store is asked
 *                        again ({@code [auth] cache-expiration})
 */
public record AuthSettings(boolean httpAuthEnabled, boolean usersEnabled, String sharedSecret,
                           Duration cacheExpiration, int bcryptCost, boolean pprofEnabled) {

    public static AuthSettings from(KapacitorConfig config) {
        JsonNode auth = config.tree().path("auth");
        boolean enabled = auth.path("enabled").asBoolean(false);
        int cost = auth.path("bcrypt-cost").asInt(0);
        if (enabled && cost < BCrypt.MIN_COST) {
            // Kapacitor's config validation (services/auth/config.go).
            throw new ConfigException("auth: must provide a bcrypt cost >= " + BCrypt.MIN_COST + ", got " + cost);
        }
        String expiration = auth.path("cache-expiration").asText("0s");
        Duration cache;
        try {
            cache = Durations.parse(expiration.isEmpty() ? "0s" : expiration);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid value for auth.cache-expiration: " + e.getMessage());
        }
        return new AuthSettings(config.http().authEnabled(), enabled, config.http().sharedSecret(), cache, cost,
            config.http().pprofEnabled());
    }
}
