package kapacitor.influxdb;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** influxql's quoting of identifiers and strings, for every statement this server sends to InfluxDB. */
public final class InfluxQLQuote {
    private static final Pattern PLAIN_IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** influxql's keywords (token.go), plus the operators and literals its Lookup also knows. */
    private static final Set<String> KEYWORDS = Set.of("ALL", "ALTER", "ANALYZE", "ANY", "AS", "ASC", "BEGIN",
        "BY", "CARDINALITY", "CREATE", "CONTINUOUS", "DATABASE", "DATABASES", "DEFAULT", "DELETE", "DESC",
        "DESTINATIONS", "DIAGNOSTICS", "DISTINCT", "DROP", "DURATION", "END", "EVERY", "EXACT", "EXPLAIN", "FIELD",
        "FOR", "FROM", "GRANT", "GRANTS", "GROUP", "GROUPS", "IN", "INF", "INSERT", "INTO", "KEY", "KEYS", "KILL",
        "LIMIT", "MEASUREMENT", "MEASUREMENTS", "NAME", "OFFSET", "ON", "ORDER", "PASSWORD", "POLICY", "POLICIES",
        "PRIVILEGES", "QUERIES", "QUERY", "READ", "REPLICATION", "RESAMPLE", "RETENTION", "REVOKE", "SELECT",
        "SERIES", "SET", "SHARD", "SHARDS", "SLIMIT", "SOFFSET", "STATS", "SUBSCRIPTION", "SUBSCRIPTIONS", "TAG",
        "TO", "USER", "USERS", "VALUES", "WHERE", "WITH", "WRITE", "AND", "OR", "TRUE", "FALSE");

    private InfluxQLQuote() {
    }

    /** influxql's QuoteIdent: bare when it is a plain identifier and no keyword, else double-quoted. */
    public static String ident(String s) {
        if (!s.isEmpty() && PLAIN_IDENT.matcher(s).matches() && !KEYWORDS.contains(s.toUpperCase(Locale.ROOT))) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }

    /** influxql's QuoteString. */
    public static String string(String s) {
        return "'" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("'", "\\'") + "'";
    }
}
