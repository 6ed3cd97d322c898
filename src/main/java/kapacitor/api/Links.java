package kapacitor.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Kapacitor's {@code {"rel": "self", "href": ...}} link objects. */
public final class Links {
    private Links() {
    }

    public static Map<String, String> self(String href) {
        Map<String, String> link = new LinkedHashMap<>();
        link.put("rel", "self");
        link.put("href", href);
        return link;
    }
}
