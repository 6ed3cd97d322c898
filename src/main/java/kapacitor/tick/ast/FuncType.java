package kapacitor.tick.ast;

/** How a function is invoked: {@code f()}, {@code |f()}, {@code .f()} or {@code @f()}. */
public enum FuncType {
    GLOBAL("global"),
    CHAIN("chain"),
    PROPERTY("property"),
    DYNAMIC("dynamic");

    private final String text;

    FuncType(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
