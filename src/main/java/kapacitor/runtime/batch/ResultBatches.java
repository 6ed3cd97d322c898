package kapacitor.runtime.batch;

import kapacitor.influxdb.QueryResponse;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Dimensions;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a query result into one batch per series, as Kapacitor's edge.ResultToBufferedBatches: the batch is grouped by
 * the series' tags (and by name with groupByMeasurement), every number becomes a float (Kapacitor decodes with
 * UseNumber then Float64), null values are dropped, rows without a value are skipped, and the batch time is the
 * latest point time; with no point time, or when not grouped by time, the caller sets the query's stop time.
 */
public final class ResultBatches {
    private ResultBatches() {
    }

    /**
     * The batches of one statement result.
     *
     * @param stop the query's upper time bound, used as the batch time as Kapacitor's QueryNode does
     * @throws IllegalArgumentException for a result error or a time Kapacitor cannot read
     */
    public static List<BatchMessage> of(QueryResponse.Result result, boolean byName, boolean groupedByTime,
                                        long stop) {
        if (result.error() != null && !result.error().isEmpty()) {
            throw new IllegalArgumentException(result.error());
        }
        List<BatchMessage> out = new ArrayList<>(result.series().size());
        for (QueryResponse.Series s : result.series()) {
            Tags tags = Tags.of(s.tags());
            List<Point> points = new ArrayList<>(s.values().size());
            long max = Long.MIN_VALUE;
            for (List<Object> row : s.values()) {
                Map<String, Object> fields = new LinkedHashMap<>();
                long time = 0;
                boolean timed = false;
                for (int i = 0; i < s.columns().size() && i < row.size(); i++) {
                    String c = s.columns().get(i);
                    Object v = row.get(i);
                    if (c.equals("time")) {
                        time = time(v);
                        timed = true;
                    } else if (v != null) {
                        fields.put(c, v instanceof Number n ? (Object) n.doubleValue() : v);
                    }
                }
                if (fields.isEmpty()) {
                    continue;
                }
                if (timed) {
                    max = Math.max(max, time);
                }
                points.add(new Point(s.name(), "", "", tags, Fields.of(fields), time));
            }
            long batchTime = max;
            if (max == Long.MIN_VALUE || !groupedByTime) {
                batchTime = stop;
            }
            Dimensions dims = new Dimensions(byName, List.copyOf(new TreeSet<>(s.tags().keySet())));
            out.add(BatchMessage.of(s.name(), tags, dims, batchTime, points));
        }
        return out;
    }

    private static long time(Object v) {
        if (v instanceof String s) {
            try {
                Instant t = Instant.parse(s);
                return t.getEpochSecond() * 1_000_000_000L + t.getNano();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("unexpected time format: " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("unexpected time value: " + v);
    }
}
