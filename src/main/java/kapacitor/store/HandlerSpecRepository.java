package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The {@code handler_specs} table (Kapacitor's "handler-specs" store); ids are unique within a topic. */
public final class HandlerSpecRepository extends VersionedRepository<HandlerSpecRecord> {

    HandlerSpecRepository(Pool pool, Dialect dialect) {
        super(pool, dialect, table(dialect), "handler spec");
    }

    static Table table(Dialect dialect) {
        return new Table(dialect, "handler_specs", 2, Table.Column.text("topic"), Table.Column.text("id"),
            Table.Column.text("kind"), Table.Column.bigint("version"), Table.Column.text("data"));
    }

    @Override
    Object[] toRow(HandlerSpecRecord r, long version) {
        return new Object[] {r.topic(), r.id(), r.kind(), version, encode(r.data())};
    }

    @Override
    HandlerSpecRecord fromRow(Object[] row) {
        return new HandlerSpecRecord((String) row[0], (String) row[1], (String) row[2], (Long) row[3],
            decode(row[4]));
    }

    @Override
    long versionOf(HandlerSpecRecord r) {
        return r.version();
    }

    @Override
    Object[] keyOf(HandlerSpecRecord r) {
        return new Object[] {r.topic(), r.id()};
    }

    @Override
    String idOf(HandlerSpecRecord r) {
        return r.id();
    }

    /** Fails with {@link DuplicateKeyException} ("handler spec already exists"). */
    public Future<HandlerSpecRecord> create(HandlerSpecRecord spec) {
        return insert(pool, spec);
    }

    /** Fails with {@link NotFoundException} ("no handler spec exists"). */
    public Future<HandlerSpecRecord> get(String topic, String id) {
        return find(pool, topic, id);
    }

    /** The topic's handlers sorted by id, filtered by pattern on the id, then offset and limit. */
    public Future<List<HandlerSpecRecord>> listByTopic(String topic, String pattern, int offset, int limit) {
        return list(pool, pattern, offset, limit, List.of("topic"), topic);
    }

    /** Every handler of every topic, sorted by id (handlers of different topics sharing an id in any order). */
    public Future<List<HandlerSpecRecord>> listAll() {
        return list(pool, "", 0, Integer.MAX_VALUE, List.of());
    }

    public Future<HandlerSpecRecord> update(HandlerSpecRecord spec) {
        return update(pool, spec);
    }

    public Future<Boolean> delete(String topic, String id) {
        return remove(pool, topic, id);
    }

    /** Deletes every handler of the topic; returns how many. */
    public Future<Integer> deleteTopic(String topic) {
        return table.delete(pool, List.of("topic"), topic).recover(SqlErrors::translate);
    }

    /** The topics that have at least one handler, sorted. */
    public Future<List<String>> topics() {
        return table.selectAll(pool).recover(SqlErrors::translate)
            .map(rows -> new ArrayList<>(rows.stream().map(r -> (String) r[0])
                .collect(Collectors.toCollection(TreeSet::new))));
    }
}
