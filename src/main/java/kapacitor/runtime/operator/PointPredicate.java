package kapacitor.runtime.operator;

import kapacitor.model.Point;

/** A compiled boolean lambda over one point, with its own state for stateful functions. */
public interface PointPredicate {
    /** True when the point passes; throws {@link IllegalArgumentException} with Kapacitor's text on an error. */
    boolean test(Point p);
}
