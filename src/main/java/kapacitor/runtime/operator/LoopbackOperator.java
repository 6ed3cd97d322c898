package kapacitor.runtime.operator;

import kapacitor.model.DbRp;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's kapacitorLoopback node: writes each point (each batch point under the batch's name) back into the
 * ingest router for the database and retention policy, with the measurement and tags overridden when set. A task
 * may not loop back into one of its own dbrps. The node emits nothing.
 */
public final class LoopbackOperator implements Operator {
    private final String db;
    private final String rp;
    private final String measurement;
    private final Map<String, String> tags;
    private final NodeServices.PointWriter writer;
    private long written;

    public LoopbackOperator(String db, String rp, String measurement, Map<String, String> tags,
                            NodeServices.PointWriter writer, List<DbRp> taskDbrps) {
        for (DbRp d : taskDbrps) {
            if (d.db().equals(db) && d.rp().equals(rp)) {
                // Go prints the DBRP struct with %v.
                throw new IllegalArgumentException("loop detected on dbrp: {" + d.db() + " " + d.rp() + "}");
            }
        }
        if (writer == null) {
            throw new IllegalArgumentException("kapacitorLoopback has no ingest router to write to");
        }
        this.db = db;
        this.rp = rp;
        this.measurement = measurement;
        this.tags = Map.copyOf(tags);
        this.writer = writer;
    }

    @Override
    public void process(Message m, Output out) {
        List<Point> points = new ArrayList<>();
        if (m instanceof PointMessage pm) {
            Point p = pm.point();
            String name = measurement.isEmpty() ? p.name() : measurement;
            points.add(new Point(name, db.isEmpty() ? p.db() : db, rp.isEmpty() ? p.rp() : rp, withTags(p.tags()),
                p.fields(), p.time()));
        } else if (m instanceof BatchMessage b) {
            for (Point p : b.points()) {
                points.add(new Point(b.name(), db, rp, withTags(p.tags()), p.fields(), p.time()));
            }
        }
        if (points.isEmpty()) {
            return;
        }
        Point first = points.get(0);
        try {
            writer.write(first.db(), first.rp(), points);
            written += points.size();
        } catch (RuntimeException e) {
            out.error("failed to write point over loopback: " + e.getMessage());
        }
    }

    private Tags withTags(Tags t) {
        if (tags.isEmpty()) {
            return t;
        }
        TreeMap<String, String> m = t.toMap();
        m.putAll(tags);
        return Tags.of(m);
    }

    @Override
    public Map<String, Long> stats() {
        return Map.of("points_written", written);
    }
}
