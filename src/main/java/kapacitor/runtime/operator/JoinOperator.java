package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.runtime.edge.BarrierMessage;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.time.GoTime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's join node: per group, the parents' points (or batches) are put in sets by their time rounded to the
 * tolerance; a set goes out as one point (fields prefixed with the parent's name and the delimiter) or one batch of
 * joined points once it is complete, or, incomplete, once every parent has moved past its time (then filled, or
 * dropped without fill). With {@code on}, messages of parents grouped by fewer dimensions are matched to the more
 * specific ones of the others first.
 */
public final class JoinOperator implements Operator {
    private final List<String> names;
    private final List<String> on;
    private final String delimiter;
    private final String streamName;
    private final long tolerance;
    /** Null: inner join; otherwise the value for a missing parent's fields. */
    /** Whether a set missing a parent is completed (outer join) rather than dropped. */
    private final boolean fills;
    /** What missing fields are filled with: a number, or null for fill('null'). */
    private final Object fillValue;
    private final boolean deleteAll;
    private final int parents;

    private final Map<String, Group> groups = new HashMap<>();
    private final Map<String, long[]> lowMarks = new HashMap<>();
    private final Map<String, ArrayDeque<Src>> matchBuffers = new HashMap<>();
    private final Map<String, ArrayDeque<Src>> specificBuffers = new HashMap<>();
    private final boolean[] reported;
    private boolean allReported;

    private record Src(int parent, Message msg) {
    }

    public JoinOperator(List<String> names, List<String> on, String delimiter, String streamName, long tolerance,
                        Object fill, boolean deleteAll, int parents) {
        this.names = List.copyOf(names);
        this.on = List.copyOf(on);
        this.delimiter = delimiter;
        this.streamName = streamName;
        this.tolerance = tolerance;
        this.deleteAll = deleteAll;
        this.parents = parents;
        this.reported = new boolean[parents];
        if (fill == null || "none".equals(fill)) {
            fills = false;
            fillValue = null;
        } else if (fill instanceof Long || fill instanceof Double) {
            fills = true;
            fillValue = fill;
        } else if ("null".equals(fill)) {
            // An outer join whose missing fields are present with no value (Go's nil; Fields.NULL).
            fills = true;
            fillValue = null;
        } else {
            throw new IllegalArgumentException("unexpected fill option " + fill);
        }
    }

    @Override
    public void process(Message m, Output out) {
        process(0, m, out);
    }

    @Override
    public void process(int parent, Message m, Output out) {
        if (m.isData()) {
            if (on.isEmpty()) {
                group(m.groupId()).collect(parent, m, out);
            } else {
                matchPoints(new Src(parent, m), out);
            }
        } else if (m instanceof BarrierMessage b) {
            group(b.groupId()).barrier(parent, b.time(), out);
            out.emit(b);
        } else if (m instanceof kapacitor.runtime.edge.DeleteGroupMessage d) {
            String id = d.groupId();
            groups.remove(id);
            matchBuffers.remove(id);
            specificBuffers.remove(id);
            if (deleteAll) {
                lowMarks.clear();
            } else {
                long[] marks = lowMarks.get(id);
                if (marks != null) {
                    marks[parent] = Long.MIN_VALUE;
                }
            }
            out.emit(d);
        }
    }

    @Override
    public long cardinality() {
        return groups.size();
    }

    private long round(long t) {
        return GoTime.round(t, tolerance);
    }

    private Group group(String id) {
        return groups.computeIfAbsent(id, k -> new Group());
    }

    /** Kapacitor's matchPoints: pairs less specific points (grouped by {@code on} only) with the specific ones. */
    private void matchPoints(Src p, Output out) {
        if (!allReported) {
            reported[p.parent] = true;
            allReported = true;
            for (boolean r : reported) {
                allReported &= r;
            }
        }
        long t = round(p.msg.time());
        Dimensions onDims = new Dimensions(p.msg.dims().byName(), on);
        String groupId = onDims.groupId(p.msg.name(), p.msg.groupTags());
        long[] marks = lowMarks.computeIfAbsent(groupId, k -> {
            long[] a = new long[parents];
            java.util.Arrays.fill(a, Long.MIN_VALUE);
            return a;
        });
        marks[p.parent] = t;
        long lowMark = Long.MIN_VALUE;
        if (allReported) {
            boolean first = true;
            for (long lm : marks) {
                if (first || lm < lowMark) {
                    lowMark = lm;
                }
                first = false;
            }
            ArrayDeque<Src> buf = specificBuffers.get(groupId);
            while (buf != null && !buf.isEmpty() && round(buf.peekFirst().msg.time()) < lowMark) {
                Src s = buf.pollFirst();
                group(s.msg.groupId()).collect(s.parent, s.msg, out);
            }
        }
        if (p.msg.dims().tagNames().size() > on.size()) {
            ArrayDeque<Src> matches = matchBuffers.get(groupId);
            boolean matched = false;
            if (matches != null) {
                int i = 0;
                List<Src> list = new ArrayList<>(matches);
                for (; i < list.size(); i++) {
                    Src match = list.get(i);
                    long mt = round(match.msg.time());
                    if (mt == t) {
                        sendMatch(p, match, out);
                        matched = true;
                    }
                    if (mt >= lowMark) {
                        break;
                    }
                }
                if (allReported) {
                    for (int k = 0; k < i; k++) {
                        matches.pollFirst();
                    }
                }
            }
            if (!matched) {
                if (allReported && t < lowMark) {
                    group(p.msg.groupId()).collect(p.parent, p.msg, out);
                } else {
                    specificBuffers.computeIfAbsent(groupId, k -> new ArrayDeque<>()).addLast(p);
                }
            }
        } else {
            matchBuffers.computeIfAbsent(groupId, k -> new ArrayDeque<>()).addLast(p);
            ArrayDeque<Src> buf = specificBuffers.get(groupId);
            while (buf != null && !buf.isEmpty() && round(buf.peekFirst().msg.time()) == t) {
                sendMatch(buf.pollFirst(), p, out);
            }
        }
    }

    /**
     * The matched point takes the specific point's group tags and dimensions (a matched batch its group tags); both
     * go to the specific group.
     */
    private void sendMatch(Src specific, Src matched, Output out) {
        Message s = specific.msg;
        Message m;
        if (matched.msg instanceof PointMessage pm) {
            Point mp = pm.point();
            TreeMap<String, String> tags = mp.tags().toMap();
            tags.putAll(s.groupTags().toMap());
            m = PointMessage.of(mp.withTags(kapacitor.model.Tags.of(tags)), s.dims());
        } else {
            BatchMessage b = (BatchMessage) matched.msg;
            m = new BatchMessage(b.name(), s.groupTags(), b.dims(), b.groupId(), b.time(), b.points());
        }
        Group g = group(s.groupId());
        g.collect(specific.parent, s, out);
        g.collect(matched.parent, m, out);
    }

    /** The sets of one group, by rounded time, and each parent's latest time (its head). */
    private final class Group {
        private final TreeMap<Long, ArrayDeque<Message[]>> sets = new TreeMap<>();
        private final long[] head = new long[parents];

        Group() {
            java.util.Arrays.fill(head, Long.MIN_VALUE);
        }

        void collect(int parent, Message p, Output out) {
            long t = round(p.time());
            ArrayDeque<Message[]> atTime = sets.computeIfAbsent(t, k -> {
                ArrayDeque<Message[]> q = new ArrayDeque<>();
                q.add(new Message[parents]);
                return q;
            });
            Message[] set = null;
            for (Message[] s : atTime) {
                if (s[parent] == null) {
                    set = s;
                    break;
                }
            }
            if (set == null) {
                set = new Message[parents];
                atTime.addLast(set);
            }
            set[parent] = p;
            head[parent] = t;
            emit(onlyReady(), out);
        }

        void barrier(int parent, long time, Output out) {
            head[parent] = round(time);
            if (!sets.isEmpty()) {
                emit(onlyReady(), out);
            }
        }

        /** Only complete sets may go while some parent has not moved past the oldest time. */
        private boolean onlyReady() {
            long oldest = sets.isEmpty() ? Long.MIN_VALUE : sets.firstKey();
            for (long h : head) {
                if (h <= oldest) {
                    return true;
                }
            }
            return false;
        }

        private void emit(boolean onlyReady, Output out) {
            while (!sets.isEmpty()) {
                Map.Entry<Long, ArrayDeque<Message[]>> oldest = sets.firstEntry();
                ArrayDeque<Message[]> q = oldest.getValue();
                while (!q.isEmpty() && (!onlyReady || ready(q.peekFirst()))) {
                    join(q.pollFirst(), oldest.getKey(), out);
                }
                if (q.isEmpty()) {
                    sets.remove(oldest.getKey());
                }
                if (onlyReady) {
                    return;
                }
                onlyReady = onlyReady();
            }
        }

        private boolean ready(Message[] set) {
            for (Message p : set) {
                if (p == null) {
                    return false;
                }
            }
            return true;
        }

        private void join(Message[] set, long time, Output out) {
            Message first = null;
            for (Message p : set) {
                if (p != null) {
                    first = p;
                    break;
                }
            }
            if (first == null) {
                return;
            }
            if (first instanceof BatchMessage b) {
                joinBatches(set, b, time, out);
                return;
            }
            joinPoints(set, (PointMessage) first, time, out);
        }

        private void joinPoints(Message[] set, PointMessage first, long time, Output out) {
            Fields firstFields = first.point().fields();
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < set.length; i++) {
                String prefix = names.get(i) + delimiter;
                if (set[i] == null) {
                    if (!fills) {
                        return;
                    }
                    for (int k = 0; k < firstFields.size(); k++) {
                        fields.put(prefix + firstFields.key(k), fillValue);
                    }
                } else {
                    if (!(set[i] instanceof PointMessage pm)) {
                        out.error("failed to join into point: unexpected type of value " + set[i].name());
                        return;
                    }
                    putFields(fields, prefix, pm.point().fields());
                }
            }
            String name = streamName.isEmpty() ? first.name() : streamName;
            Point p = new Point(name, "", "", first.groupTags(), Fields.of(fields), time);
            out.emit(new PointMessage(p, first.dims(), first.groupId()));
        }

        /**
         * Kapacitor's JoinIntoBatch: walks the batches point by point in rounded time order, joining the points of
         * one time; a missing parent is filled with the first point's field names, or drops the point (inner).
         */
        private void joinBatches(Message[] set, BatchMessage first, long time, Output out) {
            int n = set.length;
            BatchMessage[] batches = new BatchMessage[n];
            for (int i = 0; i < n; i++) {
                if (set[i] != null && !(set[i] instanceof BatchMessage)) {
                    out.error("failed to join into batch: unexpected type of batch value");
                    return;
                }
                batches[i] = (BatchMessage) set[i];
            }
            boolean[] empty = new boolean[n];
            int emptyCount = 0;
            int[] indexes = new int[n];
            List<String> fieldNames = null;
            List<Point> points = new ArrayList<>();
            batchPoint:
            while (emptyCount < n) {
                Point[] row = new Point[n];
                long setTime = 0;
                boolean haveTime = false;
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (empty[i]) {
                        continue;
                    }
                    if (batches[i] == null || indexes[i] == batches[i].points().size()) {
                        emptyCount++;
                        empty[i] = true;
                        continue;
                    }
                    Point bp = batches[i].points().get(indexes[i]);
                    long t = round(bp.time());
                    if (!haveTime) {
                        setTime = t;
                        haveTime = true;
                    }
                    if (t < setTime) {
                        // An earlier point: start the row again from it.
                        setTime = t;
                        for (int j = 0; j < n; j++) {
                            if (row[j] != null) {
                                indexes[j]--;
                            }
                            row[j] = null;
                        }
                        row[i] = bp;
                        indexes[i]++;
                        count = 1;
                    } else if (t == setTime) {
                        if (fieldNames == null) {
                            fieldNames = new ArrayList<>();
                            for (int k = 0; k < bp.fields().size(); k++) {
                                fieldNames.add(bp.fields().key(k));
                            }
                        }
                        row[i] = bp;
                        indexes[i]++;
                        count++;
                    }
                }
                if (count == 0) {
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String prefix = names.get(i) + delimiter;
                    if (row[i] == null) {
                        if (!fills) {
                            continue batchPoint;
                        }
                        for (String k : fieldNames == null ? List.<String>of() : fieldNames) {
                            fields.put(prefix + k, fillValue);
                        }
                    } else {
                        putFields(fields, prefix, row[i].fields());
                    }
                }
                points.add(new Point("", "", "", first.groupTags(), Fields.of(fields), setTime));
            }
            String name = streamName.isEmpty() ? first.name() : streamName;
            out.emit(new BatchMessage(name, first.groupTags(), first.dims(), first.groupId(), time, points));
        }

        private void putFields(Map<String, Object> fields, String prefix, Fields f) {
            for (int k = 0; k < f.size(); k++) {
                fields.put(prefix + f.key(k), f.valueAt(k));
            }
        }
    }
}
