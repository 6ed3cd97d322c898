package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.DeleteGroupMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.time.GoTime;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Kapacitor's httpOut node: keeps the latest row of each group, in order of the groups' first appearance, and
 * renders them as Kapacitor's result JSON on request. Rows are kept as messages; JSON is only built when asked.
 */
public final class HttpOutOperator extends GroupedOperator<HttpOutOperator.Row> {
    private final String endpoint;
    private final List<Row> rows = new ArrayList<>();

    /**
     * A group's latest result and its place among the series. A point is kept without its message, a batch as
     * it came: one small object per group besides the result itself.
     */
    static final class Row {
        int index;
        /** The latest point or batch; null while the latest is a one-field point kept inline below. */
        Object latest;
        String name;
        Tags tags;
        String key;
        byte type;
        long time;
        long bits;

        /**
         * Keeps a point; one with a single non-string field (what an aggregate emits) is kept as its parts, about
         * half the memory of the point with its fields.
         */
        void set(Point p) {
            Fields f = p.fields();
            if (f.size() != 1 || f.type(0) == Fields.STRING) {
                latest = p;
                return;
            }
            latest = null;
            name = p.name();
            tags = p.tags();
            key = f.key(0);
            type = f.type(0);
            time = p.time();
            bits = f.longAt(0);
        }

        /** The kept result as a point or batch; null when there is none yet (a group seen only in barriers). */
        Object get() {
            if (latest != null || key == null) {
                return latest;
            }
            Fields f = Fields.ofSortedUnsafe(new String[] {key}, new byte[] {type}, new long[] {bits}, null);
            return new Point(name, "", "", tags, f, time);
        }
    }

    public HttpOutOperator(String endpoint) {
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }

    @Override
    protected Row newGroup(Message first) {
        Row r = new Row();
        r.index = rows.size();
        rows.add(r);
        return r;
    }

    /** The group's row goes away; the rows after it move up, as Kapacitor's result series do. */
    @Override
    protected void onDelete(Row row, DeleteGroupMessage d, Output out) {
        rows.remove(row.index);
        for (int i = row.index; i < rows.size(); i++) {
            rows.get(i).index = i;
        }
        out.emit(d);
    }

    @Override
    protected void onPoint(Row row, PointMessage p, Output out) {
        row.set(p.point());
        out.emit(p);
    }

    @Override
    protected void onBatch(Row row, BatchMessage b, Output out) {
        row.latest = b;
        row.key = null;
        out.emit(b);
    }

    /** {@code {"series":[...]}} exactly as Kapacitor's json.Marshal of models.Result. */
    public String render() {
        if (rows.isEmpty()) {
            return "{\"series\":null}";
        }
        StringBuilder b = new StringBuilder("{\"series\":[");
        boolean first = true;
        for (Row row : rows) {
            Object m = row.get();
            if (m == null) {
                // A group whose first message was a barrier has no result yet.
                continue;
            }
            if (!first) {
                b.append(',');
            }
            first = false;
            if (m instanceof Point p) {
                renderRow(b, p.name(), p.tags(), List.of(p), null);
            } else {
                BatchMessage bm = (BatchMessage) m;
                renderRow(b, bm.name(), bm.groupTags(), bm.points(), bm.groupTags());
            }
        }
        return first ? "{\"series\":null}" : b.append("]}").toString();
    }

    /** One models.Row; {@code batchTags} is null for a point, whose tags never become columns. */
    static void renderRow(StringBuilder b, String name, Tags tags, List<Point> points, Tags batchTags) {
        b.append('{');
        boolean comma = false;
        if (!name.isEmpty()) {
            b.append("\"name\":");
            GoJson.string(b, name);
            comma = true;
        }
        if (!tags.isEmpty()) {
            if (comma) {
                b.append(',');
            }
            b.append("\"tags\":{");
            for (int i = 0; i < tags.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                GoJson.string(b, tags.key(i));
                b.append(':');
                GoJson.string(b, tags.value(i));
            }
            b.append('}');
            comma = true;
        }
        if (!points.isEmpty()) {
            Point first = points.get(0);
            TreeSet<String> columns = new TreeSet<>();
            Fields f = first.fields();
            for (int i = 0; i < f.size(); i++) {
                columns.add(f.key(i));
            }
            Tags pt = first.tags();
            for (int i = 0; batchTags != null && i < pt.size(); i++) {
                if (!batchTags.containsKey(pt.key(i))) {
                    columns.add(pt.key(i));
                }
            }
            if (comma) {
                b.append(',');
            }
            b.append("\"columns\":[\"time\"");
            for (String c : columns) {
                b.append(',');
                GoJson.string(b, c);
            }
            b.append("],\"values\":[");
            for (int r = 0; r < points.size(); r++) {
                Point p = points.get(r);
                if (r > 0) {
                    b.append(',');
                }
                b.append("[\"").append(GoTime.formatRfc3339Nano(p.time())).append('"');
                for (String c : columns) {
                    b.append(',');
                    Object v = p.fields().get(c);
                    if (v == null) {
                        v = p.tags().get(c);
                    }
                    GoJson.value(b, v);
                }
                b.append(']');
            }
            b.append(']');
        }
        b.append('}');
    }
}
