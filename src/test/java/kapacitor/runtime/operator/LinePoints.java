package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the simple line protocol of Kapacitor's test data sets (no escapes, nanosecond times). */
final class LinePoints {
    private LinePoints() {
    }

    static Point parse(String line) {
        String[] parts = line.trim().split(" ");
        String[] key = parts[0].split(",");
        List<String> tags = new ArrayList<>();
        for (int i = 1; i < key.length; i++) {
            String[] kv = key[i].split("=", 2);
            tags.add(kv[0]);
            tags.add(kv[1]);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String f : parts[1].split(",")) {
            String[] kv = f.split("=", 2);
            String v = kv[1];
            fields.put(kv[0], v.startsWith("\"") ? v.substring(1, v.length() - 1)
                : v.endsWith("i") ? (Object) Long.parseLong(v.substring(0, v.length() - 1))
                : (Object) Double.parseDouble(v));
        }
        return new Point(key[0], "dbname", "rpname", Tags.of(tags.toArray(String[]::new)), Fields.of(fields),
            Long.parseLong(parts[2]));
    }
}
