package kapacitor.store.pg;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Opens a vertx-pg-client pool from a {@code postgresql://user:password@host:port/database?...} URL. Besides the
 * client's own parameters, a schema can be chosen with {@code search_path}, {@code currentSchema} (JDBC's name)
 * or {@code schema}; it becomes the connection's {@code search_path}.
 */
public final class PgPools {

    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final List<String> SCHEMA_PARAMS = List.of("search_path", "currentschema", "schema");

    /** A parsed URL: the client options and the schema to use (null: the server's default search path). */
    public record Target(PgConnectOptions options, String schema) {
    }

    private PgPools() {
    }

    public static boolean accepts(String url) {
        return url != null && (url.startsWith("postgresql://") || url.startsWith("postgres://"));
    }

    public static Target parse(String url) {
        String schema = null;
        String base = url;
        int q = url.indexOf('?');
        if (q >= 0) {
            base = url.substring(0, q);
            List<String> kept = new ArrayList<>();
            for (String param : url.substring(q + 1).split("&")) {
                if (param.isEmpty()) {
                    continue;
                }
                int eq = param.indexOf('=');
                String key = eq < 0 ? param : param.substring(0, eq);
                if (SCHEMA_PARAMS.contains(key.toLowerCase())) {
                    schema = URLDecoder.decode(eq < 0 ? "" : param.substring(eq + 1), StandardCharsets.UTF_8);
                } else {
                    kept.add(param);
                }
            }
            if (!kept.isEmpty()) {
                base = base + "?" + String.join("&", kept);
            }
        }
        if (base.startsWith("postgres://")) {
            base = "postgresql://" + base.substring("postgres://".length());
        }
        PgConnectOptions options = PgConnectOptions.fromUri(base);
        if (schema != null && !schema.isEmpty()) {
            // The name reaches SQL (CREATE SCHEMA) unquoted-safe only if it is a plain identifier.
            if (!SCHEMA_NAME.matcher(schema).matches()) {
                throw new IllegalArgumentException("invalid schema name " + schema);
            }
            options.addProperty("search_path", schema);
        } else {
            schema = null;
        }
        return new Target(options, schema);
    }

    public static Pool pool(Vertx vertx, Target target, int maxSize) {
        return PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(maxSize))
            .connectingTo(target.options())
            .using(vertx)
            .build();
    }

    /** The URL without its password, for messages and logs. */
    public static String redact(String url) {
        return url.replaceAll("://([^:/@]*):[^@/]*@", "://$1:***@");
    }
}
