package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.time.GoTime;
import kapacitor.tick.expr.Expr;
import kapacitor.tick.expr.ExprException;
import kapacitor.tick.expr.ExprState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kapacitor's combine node: per group, the points of one time (rounded to the tolerance) are combined k at a time
 * (k = the number of lambdas, in index order); a combination goes out as one point when each lambda, in turn, matches
 * a distinct point of it. Fields and non-dimension tags get the matching lambda's name and the delimiter as prefix.
 * A time's points are combined when a later time arrives; a batch is combined as a whole.
 */
public final class CombineOperator extends GroupedOperator<CombineOperator.Buffer> {
    private final List<Expr> lambdas;
    private final List<String> names;
    private final String delimiter;
    private final long tolerance;
    private final long max;

    public CombineOperator(List<Expr> lambdas, List<String> names, String delimiter, long tolerance, long max) {
        this.lambdas = List.copyOf(lambdas);
        this.names = List.copyOf(names);
        this.delimiter = delimiter;
        this.tolerance = tolerance;
        this.max = max;
    }

    final class Buffer {
        final Message group;
        final ExprState[] states = new ExprState[lambdas.size()];
        String name;
        long time;
        final List<Point> points = new ArrayList<>();

        Buffer(Message first) {
            group = first;
            name = first.name();
            time = first.time();
            for (int i = 0; i < states.length; i++) {
                states[i] = lambdas.get(i).newState();
            }
        }
    }

    @Override
    protected Buffer newGroup(Message first) {
        return new Buffer(first);
    }

    @Override
    protected void onPoint(Buffer b, PointMessage p, Output out) {
        add(b, p.point(), out);
    }

    @Override
    protected void onBatch(Buffer b, BatchMessage batch, Output out) {
        b.name = batch.name();
        b.time = Long.MIN_VALUE;
        for (Point p : batch.points()) {
            add(b, p, out);
        }
        combine(b, out);
        b.points.clear();
    }

    private void add(Buffer b, Point p, Output out) {
        long t = GoTime.round(p.time(), tolerance);
        p = p.withTime(t);
        if (t == b.time) {
            b.points.add(p);
            return;
        }
        combine(b, out);
        b.time = t;
        b.points.clear();
        b.points.add(p);
    }

    private void combine(Buffer b, Output out) {
        List<Point> points = b.points;
        int n = points.size();
        int k = lambdas.size();
        if (n == 0) {
            return;
        }
        long count = count(n, k);
        if (count > max) {
            out.error("refusing to perform combination as total combinations " + count
                + " exceeds max combinations " + max);
            return;
        }
        if (count == -1) {
            return;
        }
        boolean[][] matches = new boolean[k][n];
        for (int idx = 0; idx < n; idx++) {
            for (int i = 0; i < k; i++) {
                try {
                    matches[i][idx] = lambdas.get(i).evalBool(points.get(idx), b.states[i]);
                } catch (ExprException e) {
                    out.error("error evaluating lambda expression: " + e.getMessage());
                }
            }
        }
        Set<String> dims = new HashSet<>(b.group.dims().tagNames());
        int[] indices = new int[k];
        for (int i = 0; i < k; i++) {
            indices[i] = i;
        }
        Point[] set = new Point[k];
        while (true) {
            if (matchSet(indices, matches, points, set)) {
                out.emit(PointMessage.of(merge(b.name, set, dims), b.group.dims()));
            }
            int i = k - 1;
            while (i >= 0 && indices[i] == i + n - k) {
                i--;
            }
            if (i < 0) {
                return;
            }
            indices[i]++;
            for (int j = i + 1; j < k; j++) {
                indices[j] = indices[j - 1] + 1;
            }
        }
    }

    /** Each lambda in turn takes the first still unused point of the combination it matches. */
    private static boolean matchSet(int[] indices, boolean[][] matches, List<Point> points, Point[] set) {
        List<Integer> free = new ArrayList<>(indices.length);
        for (int idx : indices) {
            free.add(idx);
        }
        for (int s = 0; s < matches.length; s++) {
            boolean found = false;
            for (int i = 0; i < free.size(); i++) {
                if (matches[s][free.get(i)]) {
                    set[s] = points.get(free.remove(i));
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private Point merge(String name, Point[] set, Set<String> dims) {
        Map<String, Object> fields = new TreeMap<>();
        Map<String, String> tags = new TreeMap<>();
        for (int i = 0; i < set.length; i++) {
            String prefix = names.get(i) + delimiter;
            Fields f = set[i].fields();
            for (int j = 0; j < f.size(); j++) {
                fields.put(prefix + f.key(j), f.valueAt(j));
            }
            Tags t = set[i].tags();
            for (int j = 0; j < t.size(); j++) {
                tags.put(dims.contains(t.key(j)) ? t.key(j) : prefix + t.key(j), t.value(j));
            }
        }
        return new Point(name, "", "", Tags.of(tags), Fields.of(fields), GoTime.round(set[0].time(), tolerance));
    }

    /** n choose k, or -1 when n < k. */
    static long count(long n, long k) {
        if (n < k) {
            return -1;
        }
        long c = 1;
        for (long i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
        }
        return c;
    }
}
