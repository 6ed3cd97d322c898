package kapacitor.runtime;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the Kapacitor test data sets (simple line protocol: no escapes, ns times) from test resources. */
record TestData(String db, String rp, List<Point> points) {

    static TestData load(String name) throws IOException {
        try (InputStream in = TestData.class.getResourceAsStream("/testdata/" + name + ".lp")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String db = "";
            String rp = "";
            List<Point> points = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("db=")) {
                    db = line.substring(3).trim();
                } else if (line.startsWith("rp=")) {
                    rp = line.substring(3).trim();
                } else {
                    points.add(parse(line, db, rp));
                }
            }
            return new TestData(db, rp, points);
        }
    }

    private static Point parse(String line, String db, String rp) {
        String trimmed = line.trim();
        int firstSpace = trimmed.indexOf(' ');
        int lastSpace = trimmed.lastIndexOf(' ');
        String[] parts = {trimmed.substring(0, firstSpace), trimmed.substring(firstSpace + 1, lastSpace),
            trimmed.substring(lastSpace + 1)};
        String[] key = parts[0].split(",");
        List<String> tags = new ArrayList<>();
        for (int i = 1; i < key.length; i++) {
            String[] kv = key[i].split("=", 2);
            tags.add(kv[0]);
            tags.add(kv[1]);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        // String values may hold spaces and commas: split on commas outside quotes.
        for (String f : parts[1].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String[] kv = f.split("=", 2);
            fields.put(kv[0], value(kv[1]));
        }
        return new Point(key[0], db, rp, Tags.of(tags.toArray(String[]::new)), Fields.of(fields),
            Long.parseLong(parts[2]));
    }

    private static Object value(String v) {
        if (v.startsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        if (v.endsWith("i")) {
            return Long.parseLong(v.substring(0, v.length() - 1));
        }
        if (v.equals("true") || v.equals("t")) {
            return true;
        }
        if (v.equals("false") || v.equals("f")) {
            return false;
        }
        return Double.parseDouble(v);
    }
}
