package kapacitor.service.config;

/**
 * The Go type of an overridable option, as far as Kapacitor's override rules (override.weakCopyValue) care: it
 * decides which JSON values a {@code set} accepts and how they are converted.
 */
public enum OptionType {
    STRING("string"),
    BOOL("bool"),
    INT("int"),
    FLOAT("float64"),
    /** toml.Duration: a text unmarshaler over an int64. */
    DURATION("int64"),
    /** []string */
    STRING_LIST("slice"),
    /** map[string]string */
    STRING_MAP("map"),
    /** map[string][]string (subscriptions, url.Values) */
    STRING_LIST_MAP("map"),
    /** A nested Go struct (httppost basic-auth, zenoss severity-map), decoded from a map field by field. */
    STRUCT("struct");

    private final String goKind;

    OptionType(String goKind) {
        this.goKind = goKind;
    }

    /** The reflect.Kind name Kapacitor's messages print for this type. */
    public String goKind() {
        return goKind;
    }
}
