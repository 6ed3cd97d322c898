package kapacitor.runtime.operator;

import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.PointMessage;

import java.util.List;

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
        StringBuilder b = new StringBuilder();
        HttpOutOperator.renderRow(b, name, tags, points, batchTags);
        return b.toString();
    }
}
