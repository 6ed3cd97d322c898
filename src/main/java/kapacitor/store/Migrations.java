package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Brings the schema up to date at start-up from the versioned files {@code db/V<n>__<name>.sql} (a dialect may
 * override one with {@code V<n>__<name>.pg.sql} / {@code .h2.sql}). Applied versions are recorded in
 * {@code schema_version}. On PostgreSQL everything runs on one connection holding {@code pg_advisory_lock}, so
 * nodes starting together migrate once; H2 is embedded in a single process and needs no lock.
 */
public final class Migrations {

    /** Listed here because a classpath directory cannot be listed portably inside a jar. */
    static final List<String> FILES = List.of("V1__init", "V2__cluster_settings");

    /** Arbitrary constant shared by every node: "kapacitor" in ASCII, truncated to a long. */
    static final long LOCK_ID = 0x6b61706163697472L;

    private Migrations() {
    }

    /** The highest schema version this build knows. */
    public static int latestVersion() {
        return versionOf(FILES.get(FILES.size() - 1));
    }

    /** Applies the missing migrations; returns how many were applied (0 when the schema is current). */
    public static Future<Integer> run(Pool pool, Dialect dialect) {
        return pool.getConnection().compose(conn -> {
            Future<Integer> work = dialect == Dialect.POSTGRES
                ? conn.query("SELECT pg_advisory_lock(" + LOCK_ID + ")").execute()
                    .compose(v -> migrate(conn, dialect))
                    .eventually(() -> conn.query("SELECT pg_advisory_unlock(" + LOCK_ID + ")").execute())
                : migrate(conn, dialect);
            return work.eventually(conn::close);
        });
    }

    private static Future<Integer> migrate(SqlConnection conn, Dialect dialect) {
        return conn.query("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                + "name VARCHAR NOT NULL, applied_at BIGINT NOT NULL)").execute()
            .compose(v -> conn.query("SELECT version FROM schema_version").execute())
            .compose(rows -> {
                Set<Integer> applied = new HashSet<>();
                rows.forEach(r -> applied.add(r.getInteger("version")));
                Future<Integer> chain = Future.succeededFuture(0);
                for (String file : FILES) {
                    if (!applied.contains(versionOf(file))) {
                        chain = chain.compose(n -> apply(conn, dialect, file).map(n + 1));
                    }
                }
                return chain;
            });
    }

    private static Future<Void> apply(SqlConnection conn, Dialect dialect, String file) {
        List<String> statements;
        try {
            statements = statements(load(file, dialect));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        String record = "INSERT INTO schema_version (version, name, applied_at) VALUES (" + dialect.param(1) + ", "
            + dialect.param(2) + ", " + dialect.param(3) + ")";
        return Transactions.onConnection(conn, dialect, c -> {
            Future<Void> chain = Future.succeededFuture();
            for (String sql : statements) {
                chain = chain.compose(v -> c.query(sql).execute().mapEmpty());
            }
            return chain.compose(v -> c.preparedQuery(record)
                .execute(Tuple.of(versionOf(file), file, System.currentTimeMillis())).<Void>mapEmpty());
        }).recover(e -> Future.failedFuture(new StoreException("migration " + file + " failed: " + e.getMessage(), e)));
    }

    static int versionOf(String file) {
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }

    private static String load(String file, Dialect dialect) {
        String variant = "db/" + file + (dialect == Dialect.POSTGRES ? ".pg.sql" : ".h2.sql");
        String text = read(variant);
        if (text == null) {
            text = read("db/" + file + ".sql");
        }
        if (text == null) {
            throw new StoreException("migration " + file + " is missing from the classpath");
        }
        return text;
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a file into statements at semicolons ending a line; {@code --} comment lines are dropped. */
    static List<String> statements(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
