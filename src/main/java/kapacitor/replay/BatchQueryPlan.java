package kapacitor.replay;

import kapacitor.model.DbRp;
import kapacitor.model.TaskType;
import kapacitor.pipeline.NodeDef;
import kapacitor.runtime.TaskSpec;
import kapacitor.runtime.batch.BatchQuery;
import kapacitor.runtime.batch.CronSchedule;
import kapacitor.runtime.time.GoTime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * The queries a batch task's query nodes would run over a time range (Kapacitor's ExecutingTask.BatchQueries): per
 * query node, in the order the script links them, one query per tick of its schedule from {@code start} to
 * {@code stop}, each over {@code [tick - offset - period, tick - offset)}; ticks whose window ends after now are left
 * out.
 */
public final class BatchQueryPlan {
    /** One query node's queries and how its results become batches. */
    public record Node(String cluster, boolean byName, boolean groupedByTime, List<Window> queries) {
    }

    /** One query: its InfluxQL and its upper time bound (the batch time when the result has none). */
    public record Window(String text, long stop) {
    }

    private BatchQueryPlan() {
    }

    /**
     * @throws IllegalArgumentException with Kapacitor's text: "wrong task type" for a stream task, a query reading a
     *     database the task may not, or a query node Kapacitor would not build
     */
    public static List<Node> of(TaskSpec spec, long start, long stop, long now) {
        if (spec.type() != TaskType.BATCH) {
            throw new IllegalArgumentException("wrong task type");
        }
        List<NodeDef> queryNodes = spec.pipeline().source().children();
        List<BatchQuery> parsed = new ArrayList<>();
        for (NodeDef n : queryNodes) {
            if (!n.type().equals("query")) {
                throw new IllegalArgumentException("recording batch data is not supported for " + n.type()
                    + " nodes");
            }
            parsed.add(BatchQuery.parse(n.stringValue("QueryStr"), n.values("GroupBy"), n.value("Fill"),
                n.has("AlignGroup")));
        }
        Set<DbRp> allowed = new HashSet<>(spec.dbrps());
        for (BatchQuery q : parsed) {
            for (DbRp d : q.dbrps()) {
                if (!allowed.contains(d)) {
                    throw new IllegalArgumentException("batch query is not allowed to request data from \""
                        + d.db() + "\".\"" + d.rp() + "\"");
                }
            }
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < queryNodes.size(); i++) {
            NodeDef n = queryNodes.get(i);
            BatchQuery q = parsed.get(i);
            LongUnaryOperator next = ticker(n);
            long period = n.durationNanos("Period");
            long offset = n.durationNanos("Offset");
            List<Window> windows = new ArrayList<>();
            long current = start;
            while (true) {
                current = next.applyAsLong(current);
                if (current == Long.MAX_VALUE || current > stop) {
                    break;
                }
                long qstop = current - offset;
                if (qstop > now) {
                    break;
                }
                windows.add(new Window(q.text(qstop - period, qstop), qstop));
            }
            out.add(new Node(n.stringValue("Cluster"), n.has("GroupByMeasurement"), q.isGroupedByTime(),
                List.copyOf(windows)));
        }
        return out;
    }

    /** The node's ticker's Next: every (rounded to every with align, as Go's Round) or the cron's next time. */
    private static LongUnaryOperator ticker(NodeDef n) {
        long every = n.durationNanos("Every");
        String cron = n.stringValue("Cron");
        if (every != 0 && !cron.isEmpty()) {
            throw new IllegalArgumentException("must not set both 'every' and 'cron' properties");
        }
        if (every > 0) {
            boolean align = n.has("Align");
            return t -> align ? GoTime.round(t + every, every) : t + every;
        }
        if (every < 0) {
            throw new IllegalArgumentException("'every' duration must must non-negative");
        }
        if (cron.isEmpty()) {
            throw new IllegalArgumentException("must define one of 'every' or 'cron'");
        }
        CronSchedule schedule = CronSchedule.parse(cron);
        return schedule::next;
    }
}
