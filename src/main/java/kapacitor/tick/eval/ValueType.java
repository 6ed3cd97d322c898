package kapacitor.tick.eval;

/**
 * The type of a TICKscript var (Kapacitor's ast.ValueType). {@link #text()} is Kapacitor's String() name, which is
 * what its error texts print ("invalid type supplied for x, got int exp float"); note Kapacitor names the boolean
 * type "boolean" there, while a type declaration and the HTTP API spell it "bool" ({@link #declName()}).
 */
public enum ValueType {
    BOOL("boolean", "bool"),
    INT("int", "int"),
    FLOAT("float", "float"),
    STRING("string", "string"),
    DURATION("duration", "duration"),
    REGEX("regex", "regex"),
    LAMBDA("lambda", "lambda"),
    STAR("star", "star"),
    LIST("list", "list"),
    /** The type of a value no var can hold (a node, a reference); only appears in error texts. */
    INVALID("invalid type", null);

    private final String text;
    private final String declName;

    ValueType(String text, String declName) {
        this.text = text;
        this.declName = declName;
    }

    /** Kapacitor's ast.ValueType String(). */
    public String text() {
        return text;
    }

    /** The name used in {@code var x <type>} declarations and in the HTTP API's var "type" field. */
    public String declName() {
        return declName;
    }

    /** The type a {@code var name <type>} declaration names, or null when the name is not a var type. */
    public static ValueType fromDeclName(String name) {
        for (ValueType t : values()) {
            if (name.equals(t.declName)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
