package kapacitor.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An authenticated user as the HTTP layer sees it (Kapacitor's auth.User): admin flag and, per resource, a mask of
 * privileges. Immutable, shared between event loops.
 */
public final class AuthUser {
    private static final String API_ROOT = "/api";
    private static final String DATABASE_ROOT = "/database";

    private final String name;
    private final boolean admin;
    private final Map<String, Integer> masks;

    public AuthUser(String name, boolean admin, Map<String, List<Privilege>> privileges) {
        this.name = name;
        this.admin = admin;
        Map<String, Integer> m = new HashMap<>();
        privileges.forEach((resource, ps) -> {
            int mask = 0;
            for (Privilege p : ps) {
                mask |= p.mask();
            }
            m.put(GoText.cleanPath(resource), mask);
        });
        this.masks = Map.copyOf(m);
    }

    /** Who every request runs as when authentication is off, or when the auth service is disabled (noauth). */
    public static AuthUser admin(String name) {
        return new AuthUser(name, true, Map.of());
    }

    public String name() {
        return name;
    }

    public boolean isAdmin() {
        return admin;
    }

    /**
     * Whether this user may take {@code privilege} on {@code resource}: the nearest resource, walking up the path,
     * that has privileges at all decides (auth.User.AuthorizeAction).
     */
    public boolean authorized(String resource, Privilege privilege) {
        if (privilege == Privilege.NONE || admin) {
            return true;
        }
        if (!resource.startsWith("/")) {
            return false;
        }
        String r = GoText.cleanPath(resource);
        while (true) {
            Integer mask = masks.get(r);
            if (mask != null) {
                return (mask & privilege.mask()) != 0 || mask == Privilege.ALL.mask();
            }
            if (r.equals("/")) {
                return false;
            }
            r = GoText.dir(r);
        }
    }

    /** The resource of an API path relative to /kapacitor/v1 (auth.APIResource, a Go path.Join). */
    public static String apiResource(String relativePath) {
        return GoText.cleanPath(API_ROOT + "/" + relativePath);
    }

    /** The resource of a database (auth.DatabaseResource): '/' in a name is replaced and the name marked dirty. */
    public static String databaseResource(String database) {
        if (database.isEmpty()) {
            return DATABASE_ROOT;
        }
        String db = database.replace('/', '_');
        db += db.equals(database) ? "_clean" : "_dirty";
        return GoText.cleanPath(DATABASE_ROOT + "/" + db);
    }
}
