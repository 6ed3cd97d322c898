package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;

import java.util.List;

/**
 * InfluxQL's mean as InfluxDB's Float/IntegerMeanReducer computes it: a running sum in arrival order (float64, or
 * int64 for integer fields) divided by the count, so no point is kept and no value boxed. The field's type is fixed by the first point, as Kapacitor's
 * typed reducers are; a point of the other type is an error.
 */
final class MeanReducer implements Reducer {
    private final boolean integer;
    /** The running sum: a double's bits, or the int64 sum for integer fields (one field: one per window per group). */
    private long sum;
    private long count;

    MeanReducer(boolean integer) {
        this.integer = integer;
    }

    /** Continues a mean kept elsewhere so far: {@code sum} is a double's bits or the int64 sum. */
    MeanReducer(boolean integer, long sum, long count) {
        this.integer = integer;
        this.sum = sum;
        this.count = count;
    }

    @Override
    public void add(Object value, Point p) {
        if (integer ? !(value instanceof Long) : !(value instanceof Double)) {
            throw new IllegalArgumentException("mean of field values of different types: " + value);
        }
        if (integer) {
            sum += (Long) value;
        } else {
            sum = Double.doubleToRawLongBits(Double.longBitsToDouble(sum) + (Double) value);
        }
        count++;
    }

    @Override
    public void addField(int index, Point p) {
        Fields f = p.fields();
        byte type = f.type(index);
        if (integer ? type != Fields.INTEGER && type != Fields.UNSIGNED : type != Fields.FLOAT) {
            add(f.valueAt(index), p);
            return;
        }
        if (integer) {
            sum += f.longAt(index);
        } else {
            sum = Double.doubleToRawLongBits(Double.longBitsToDouble(sum) + f.doubleAt(index));
        }
        count++;
    }

    @Override
    public List<ReducedPoint> emit() {
        return count == 0 ? List.of() : List.of(new ReducedPoint(ReducedPoint.ZERO_TIME,
            (integer ? (double) sum : Double.longBitsToDouble(sum)) / count, null));
    }
}
