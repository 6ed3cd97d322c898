package kapacitor.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The permissions the users API speaks (client.Permission), and their mapping to stored resource privileges
 * (services/auth/service.go convertPermissions / convertPrivleges).
 */
public enum Permission {
    NONE("none"),
    API("api"),
    CONFIG_API("config_api"),
    WRITE_POINTS("write_points"),
    ALL("all");

    static final String ROOT = AuthUser.apiResource("/");
    static final String WRITE = AuthUser.apiResource("/write");
    static final String PING = AuthUser.apiResource("/ping");
    static final String CONFIG = AuthUser.apiResource("/config");

    private final String label;

    Permission(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The permission named {@code label}, or null. */
    public static Permission of(String label) {
        for (Permission p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        return null;
    }

    /** Resource privileges granting {@code permissions}, applied in order. */
    public static Map<String, List<Privilege>> toPrivileges(List<Permission> permissions) {
        Map<String, List<Privilege>> out = new LinkedHashMap<>();
        for (Permission p : permissions) {
            switch (p) {
                case NONE:
                    break;
                case API:
                    out.put(ROOT, List.of(Privilege.ALL));
                    // Subtractive: the API permission alone does not reach /write or /config.
                    out.putIfAbsent(WRITE, List.of(Privilege.NONE));
                    out.putIfAbsent(CONFIG, List.of(Privilege.NONE));
                    break;
                case CONFIG_API:
                    out.put(PING, List.of(Privilege.ALL));
                    out.put(CONFIG, List.of(Privilege.ALL));
                    break;
                case WRITE_POINTS:
                    out.put(PING, List.of(Privilege.ALL));
                    out.put(WRITE, List.of(Privilege.ALL));
                    break;
                case ALL:
                    out.put(ROOT, List.of(Privilege.ALL));
                    out.put(CONFIG, List.of(Privilege.ALL));
                    out.put(WRITE, List.of(Privilege.ALL));
                    break;
                default:
                    throw new IllegalStateException("unhandled permission " + p);
            }
        }
        return out;
    }

    /** The permissions stored privileges amount to, as the users API lists them. */
    public static List<Permission> fromPrivileges(Map<String, List<Privilege>> privileges) {
        boolean api = hasAll(privileges, ROOT);
        boolean config = hasAll(privileges, CONFIG);
        boolean write = hasAll(privileges, WRITE);
        if (api && config && write) {
            return List.of(ALL);
        }
        List<Permission> out = new ArrayList<>();
        if (api) {
            out.add(API);
        }
        if (config) {
            out.add(CONFIG_API);
        }
        if (write) {
            out.add(WRITE_POINTS);
        }
        return out;
    }

    private static boolean hasAll(Map<String, List<Privilege>> privileges, String resource) {
        List<Privilege> ps = privileges.get(resource);
        return ps != null && ps.contains(Privilege.ALL);
    }
}
