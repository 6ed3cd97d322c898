package kapacitor.alert.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Go struct value for templates: named fields in declaration order (json encodes them in that order, a missing
 * field is an execution error, unlike a map's missing key).
 */
public record GoStruct(String typeName, Map<String, Object> fields) {
    public GoStruct {
        fields = new LinkedHashMap<>(fields);
    }
}
