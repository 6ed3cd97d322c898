package kapacitor.runtime.operator;

/** The Go kind of a field value, as InfluxQL functions dispatch on it and as their errors name it. */
enum FieldKind {
    FLOAT("float64"),
    INTEGER("int64"),
    STRING("string"),
    BOOLEAN("bool");

    private final String goName;

    FieldKind(String goName) {
        this.goName = goName;
    }

    String goName() {
        return goName;
    }

    static FieldKind of(Object v) {
        if (v instanceof Double) {
            return FLOAT;
        }
        if (v instanceof Long) {
            return INTEGER;
        }
        if (v instanceof String) {
            return STRING;
        }
        return BOOLEAN;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
