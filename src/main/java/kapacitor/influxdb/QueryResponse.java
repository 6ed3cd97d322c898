package kapacitor.influxdb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON answer of InfluxDB 1.x's {@code /query}: one result per statement, each with its series. Numbers stay as
 * decoded by Vert.x; {@link kapacitor.runtime.batch.ResultBatches} turns them into floats as Kapacitor does.
 */
public record QueryResponse(List<Result> results, String error) {

    /** One statement's result: its series, or the statement's error. */
    public record Result(List<Series> series, String error) {
    }

    /** One series (models.Row): measurement, tags, column names and value rows (the first column is usually time). */
    public record Series(String name, Map<String, String> tags, List<String> columns, List<List<Object>> values) {
    }

    /** The first error of the response or of one of its results, as Kapacitor's Response.Error(); null if none. */
    public String firstError() {
        if (error != null && !error.isEmpty()) {
            return error;
        }
        for (Result r : results) {
            if (r.error() != null && !r.error().isEmpty()) {
                return r.error();
            }
        }
        return null;
    }

    public static QueryResponse parse(JsonObject json) {
        List<Result> results = new ArrayList<>();
        JsonArray rs = json.getJsonArray("results", new JsonArray());
        for (int i = 0; i < rs.size(); i++) {
            JsonObject r = rs.getJsonObject(i);
            List<Series> series = new ArrayList<>();
            JsonArray ss = r.getJsonArray("series", new JsonArray());
            for (int j = 0; j < ss.size(); j++) {
                series.add(series(ss.getJsonObject(j)));
            }
            results.add(new Result(series, r.getString("error")));
        }
        return new QueryResponse(results, json.getString("error"));
    }

    private static Series series(JsonObject s) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonObject t = s.getJsonObject("tags", new JsonObject());
        for (String k : t.fieldNames()) {
            tags.put(k, String.valueOf(t.getValue(k)));
        }
        List<String> columns = new ArrayList<>();
        s.getJsonArray("columns", new JsonArray()).forEach(c -> columns.add(String.valueOf(c)));
        List<List<Object>> values = new ArrayList<>();
        JsonArray vs = s.getJsonArray("values", new JsonArray());
        for (int i = 0; i < vs.size(); i++) {
            values.add(Collections.unmodifiableList(new ArrayList<>(vs.getJsonArray(i).getList())));
        }
        return new Series(s.getString("name", ""), tags, columns, values);
    }
}
