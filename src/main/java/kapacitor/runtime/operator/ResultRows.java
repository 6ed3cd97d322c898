package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.time.GoTime;

import java.util.List;
import java.util.TreeSet;

/** Kapacitor's models.Row JSON of a point (ToResult: all tags, no tag columns) or of a batch (group tags). */
public final class ResultRows {
    private ResultRows() {
    }

    public static String row(PointMessage p) {
        return render(p.name(), p.point().tags(), List.of(p.point()), null);
    }

    public static String row(BatchMessage b) {
        return render(b.name(), b.groupTags(), b.points(), b.groupTags());
    }

    private static String render(String name, Tags tags, List<Point> points, Tags batchTags) {
        StringBuilder b = new StringBuilder("{");
        boolean comma = false;
        if (!name.isEmpty()) {
            b.append("\"name\":");
            GoJson.string(b, name);
            comma = true;
        }
        if (!tags.isEmpty()) {
            b.append(comma ? "," : "").append("\"tags\":{");
            for (int i = 0; i < tags.size(); i++) {
                b.append(i > 0 ? "," : "");
                GoJson.string(b, tags.key(i));
                b.append(':');
                GoJson.string(b, tags.value(i));
            }
            b.append('}');
            comma = true;
        }
        if (!points.isEmpty()) {
            TreeSet<String> columns = new TreeSet<>();
            Fields f = points.get(0).fields();
            for (int i = 0; i < f.size(); i++) {
                columns.add(f.key(i));
            }
            Tags pt = points.get(0).tags();
            for (int i = 0; batchTags != null && i < pt.size(); i++) {
                if (!batchTags.containsKey(pt.key(i))) {
                    columns.add(pt.key(i));
                }
            }
            b.append(comma ? "," : "").append("\"columns\":[\"time\"");
            for (String c : columns) {
                b.append(',');
                GoJson.string(b, c);
            }
            b.append("],\"values\":[");
            for (int r = 0; r < points.size(); r++) {
                Point p = points.get(r);
                b.append(r > 0 ? "," : "").append("[\"").append(GoTime.formatRfc3339Nano(p.time())).append('"');
                for (String c : columns) {
                    b.append(',');
                    Object v = p.fields().get(c);
                    GoJson.value(b, v != null ? v : p.tags().get(c));
                }
                b.append(']');
            }
            b.append(']');
        }
        return b.append('}').toString();
    }
}
