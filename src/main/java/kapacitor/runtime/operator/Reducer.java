package kapacitor.runtime.operator;

import kapacitor.model.Point;

import java.util.List;

/** The state of one InfluxQL function over one batch (or one stream group for the transformations). */
interface Reducer {
    /** Adds the function's field value of point {@code p}. */
    void add(Object value, Point p);

    /** Adds the value at {@code index} of {@code p}'s fields; reducers that keep numbers unboxed override it. */
    default void addField(int index, Point p) {
        add(p.fields().valueAt(index), p);
    }

    /** The current result; may be empty. */
    List<ReducedPoint> emit();
}
