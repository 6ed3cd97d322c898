package kapacitor.tick.expr;

/** The value of a referenced name that the point has neither as field nor as tag. */
public final class Missing {
    public static final Missing VALUE = new Missing();

    private Missing() {
    }

    @Override
    public String toString() {
        return "missing";
    }
}
