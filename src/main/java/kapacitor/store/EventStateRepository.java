package kapacitor.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** The {@code topic_event_states} table; the topic owner writes through to it and a new owner reloads it. */
public final class EventStateRepository {

    private final Pool pool;
    private final Dialect dialect;
    private final Table table;

    EventStateRepository(Pool pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
        this.table = table(dialect);
    }

    static Table table(Dialect dialect) {
        return new Table(dialect, "topic_event_states", 2, Table.Column.text("topic"), Table.Column.text("event_id"),
            Table.Column.text("level"), Table.Column.bigint("version"), Table.Column.text("data"));
    }

    private static Object[] toRow(EventStateRecord r) {
        return new Object[] {r.topic(), r.eventId(), r.level(), 1L, VersionedRepository.encode(r.data())};
    }

    private static EventStateRecord fromRow(Object[] row) {
        return new EventStateRecord((String) row[0], (String) row[1], (String) row[2], (Long) row[3],
            VersionedRepository.decode(row[4]));
    }

    /** Inserts or overwrites the event's state (last writer wins; the topic has one owner). */
    public Future<Void> put(EventStateRecord state) {
        return put(pool, state);
    }

    /** Writes several states in one transaction. */
    public Future<Void> putAll(List<EventStateRecord> states) {
        return Transactions.run(pool, dialect, conn -> {
            Future<Void> chain = Future.succeededFuture();
            for (EventStateRecord s : states) {
                chain = chain.compose(v -> put(conn, s));
            }
            return chain;
        });
    }

    private Future<Void> put(SqlClient client, EventStateRecord state) {
        return table.merge(client, toRow(state), null).<Void>mapEmpty().recover(SqlErrors::translate);
    }

    /** Fails with {@link NotFoundException} ("no event state exists"). */
    public Future<EventStateRecord> get(String topic, String eventId) {
        return table.get(pool, topic, eventId).recover(SqlErrors::translate).compose(row -> row == null
            ? Future.failedFuture(new NotFoundException("no event state exists"))
            : Future.succeededFuture(fromRow(row)));
    }

    /** The topic's event states sorted by event id (empty for an unknown topic). */
    public Future<List<EventStateRecord>> listByTopic(String topic) {
        return table.select(pool, List.of("topic"), topic).recover(SqlErrors::translate).map(rows -> {
            List<EventStateRecord> out = new ArrayList<>();
            rows.forEach(r -> out.add(fromRow(r)));
            out.sort(Comparator.comparing(EventStateRecord::eventId));
            return out;
        });
    }

    /** The names of all topics that have at least one stored event state, sorted. */
    public Future<List<String>> topics() {
        return table.selectAll(pool).recover(SqlErrors::translate).map(rows -> {
            TreeSet<String> names = new TreeSet<>();
            rows.forEach(r -> names.add((String) r[0]));
            return new ArrayList<>(names);
        });
    }

    public Future<Boolean> delete(String topic, String eventId) {
        return table.deleteByKey(pool, topic, eventId).map(n -> n > 0).recover(SqlErrors::translate);
    }

    /** Deletes every event state of the topic; returns how many. */
    public Future<Integer> deleteTopic(String topic) {
        return table.delete(pool, List.of("topic"), topic).recover(SqlErrors::translate);
    }
}
