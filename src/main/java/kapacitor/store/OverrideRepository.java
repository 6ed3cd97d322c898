package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The {@code config_overrides} table (Kapacitor's "overrides" store). */
public final class OverrideRepository {

    private final Pool pool;
    private final Table table;

    OverrideRepository(Pool pool, Dialect dialect) {
        this.pool = pool;
        this.table = table(dialect);
    }

    static Table table(Dialect dialect) {
        return new Table(dialect, "config_overrides", 2, Table.Column.text("section"), Table.Column.text("element"),
            Table.Column.bigint("version"), Table.Column.text("data"));
    }

    private static OverrideRecord fromRow(Object[] row) {
        return new OverrideRecord((String) row[0], (String) row[1], (Long) row[2], VersionedRepository.decode(row[3]));
    }

    /** Inserts or overwrites the override (Kapacitor's Set). */
    public Future<Void> put(OverrideRecord override) {
        Object[] row = {override.section(), override.element(), 1L, VersionedRepository.encode(override.data())};
        return table.merge(pool, row, null).<Void>mapEmpty().recover(SqlErrors::translate);
    }

    /** Fails with {@link NotFoundException} ("no override exists"). */
    public Future<OverrideRecord> get(String section, String element) {
        return table.get(pool, section, element).recover(SqlErrors::translate).compose(row -> row == null
            ? Future.failedFuture(new NotFoundException("no override exists"))
            : Future.succeededFuture(fromRow(row)));
    }

    /** The section's overrides sorted by element. */
    public Future<List<OverrideRecord>> listBySection(String section) {
        return query(table.select(pool, List.of("section"), section));
    }

    /** All overrides sorted by section then element. */
    public Future<List<OverrideRecord>> listAll() {
        return query(table.selectAll(pool));
    }

    private Future<List<OverrideRecord>> query(Future<List<Object[]>> rows) {
        return rows.recover(SqlErrors::translate).map(rs -> {
            List<OverrideRecord> out = new ArrayList<>();
            rs.forEach(r -> out.add(fromRow(r)));
            out.sort(Comparator.comparing(OverrideRecord::section).thenComparing(OverrideRecord::element));
            return out;
        });
    }

    public Future<Boolean> delete(String section, String element) {
        return table.deleteByKey(pool, section, element).map(n -> n > 0).recover(SqlErrors::translate);
    }
}
