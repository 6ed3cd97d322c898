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
public final class HttpOutOperator extends GroupedOperator<int[]> {
    private final String endpoint;
    private final List<Message> latest = new ArrayList<>();
    private final List<int[]> indexes = new ArrayList<>();

    public HttpOutOperator(String endpoint) {
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }

    @Override
    protected int[] newGroup(Message first) {
        latest.add(first);
        int[] index = {latest.size() - 1};
        indexes.add(index);
        return index;
    }

    /** The group's row goes away; the rows after it move up, as Kapacitor's result series do. */
    @Override
    protected void onDelete(int[] index, DeleteGroupMessage d, Output out) {
        latest.remove(index[0]);
        indexes.remove(index[0]);
        for (int i = index[0]; i < indexes.size(); i++) {
            indexes.get(i)[0] = i;
        }
        out.emit(d);
    }

    @Override
    protected void onPoint(int[] index, PointMessage p, Output out) {
        latest.set(index[0], p);
        out.emit(p);
    }

    @Override
    protected void onBatch(int[] index, BatchMessage b, Output out) {
        latest.set(index[0], b);
        out.emit(b);
    }

    /** {@code {"series":[...]}} exactly as Kapacitor's json.Marshal of models.Result. */
    public String render() {
        if (latest.isEmpty()) {
            return "{\"series\":null}";
        }
        StringBuilder b = new StringBuilder("{\"series\":[");
        for (int i = 0; i < latest.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Message m = latest.get(i);
            if (m instanceof PointMessage p) {
                renderRow(b, p.name(), p.point().tags(), List.of(p.point()), null);
            } else {
                BatchMessage bm = (BatchMessage) m;
                renderRow(b, bm.name(), bm.groupTags(), bm.points(), bm.groupTags());
            }
        }
        return b.append("]}").toString();
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
