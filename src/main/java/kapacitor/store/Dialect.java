package kapacitor.store;

/** The two backends; only the rare statement that cannot be portable asks which one it runs on. */
public enum Dialect {
    POSTGRES,
    H2;

    /** The n-th (1-based) positional parameter: PostgreSQL numbers them, JDBC uses {@code ?}. */
    public String param(int n) {
        return this == POSTGRES ? "$" + n : "?";
    }

    /** Statement refreshing a table's indexes for the storage API's rebuild action. */
    String refreshIndexes(String table) {
        // H2 has no REINDEX; ANALYZE recomputes the statistics its planner uses for the indexes.
        return this == POSTGRES ? "REINDEX TABLE " + table : "ANALYZE TABLE " + table;
    }
}
