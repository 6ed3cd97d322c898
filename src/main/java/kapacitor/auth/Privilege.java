package kapacitor.auth;

/**
 * What an action needs on a resource (Kapacitor's auth.Privilege). Each is one bit, so a user's privileges on one
 * resource combine into a mask; the names are how they are stored and printed.
 */
public enum Privilege {
    NONE("none"),
    READ("read"),
    WRITE("write"),
    DELETE("delete"),
    ALL("all");

    private final String label;

    Privilege(String label) {
        this.label = label;
    }

    public int mask() {
        return 1 << ordinal();
    }

    public String label() {
        return label;
    }

    /** The privilege stored under {@code label}; {@link IllegalArgumentException} for anything else. */
    public static Privilege of(String label) {
        for (Privilege p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown Privilege " + label);
    }

    /** The privilege an HTTP method needs on an API resource (httpd's requiredPrivilegeForHTTPMethod); null if none. */
    public static Privilege forHttpMethod(String method) {
        switch (method.toUpperCase(java.util.Locale.ROOT)) {
            case "HEAD":
            case "OPTIONS":
                return NONE;
            case "GET":
                return READ;
            case "POST":
            case "PATCH":
            case "PUT":
                return WRITE;
            case "DELETE":
                return DELETE;
            default:
                return null;
        }
    }
}
