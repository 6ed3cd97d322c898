package kapacitor.runtime.operator;

import kapacitor.pipeline.EdgeType;
import kapacitor.pipeline.NodeDef;

import kapacitor.tick.expr.Expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the operator of each pipeline node. Fails with Kapacitor's error text for a bad configuration and with
 * "node type X is not supported yet" for a node this runtime does not implement, so a task never runs partially.
 */
public final class OperatorFactory {
    private static final Set<String> INFLUXQL = Set.of("count", "distinct", "mean", "median", "mode", "spread", "sum",
        "first", "last", "min", "max", "percentile", "top", "bottom", "stddev", "difference", "cumulativeSum",
        "movingAverage", "elapsed", "holtWinters");

    private OperatorFactory() {
    }

    /** Builds a node that may use services outside the task (httpPost, kapacitorLoopback, sideload, stats). */
    public static Operator create(NodeDef n, NodeServices services) {
        switch (n.type()) {
            case "http_post":
                return httpPost(n, services);
            case "kapacitor_loopback":
                return new LoopbackOperator(n.stringValue("Database"), n.stringValue("RetentionPolicy"),
                    n.stringValue("Measurement"), stringPairs(n, "Tag"), services.loopback(), services.taskDbrps());
            case "sideload":
                return sideload(n, services);
            case "stats":
                return new StatsOperator(n.durationNanos("Interval"), n.has("Align"));
            case "query":
                return BatchOperators.query(n, services.influxdb());
            case "influxdb_out":
                return BatchOperators.influxDBOut(n, services.influxdb());
            default:
                return create(n);
        }
    }

    public static Operator create(NodeDef n) {
        String type = n.type();
        if (INFLUXQL.contains(type)) {
            return new InfluxQLOperator(n.stringValue("Method"), n.stringValue("Field"), n.stringValue("As"),
                n.values("Args"), n.has("UsePointTimes"), n.provides() == EdgeType.BATCH);
        }
        switch (type) {
            case "stream":
                return new StreamOperator();
            case "batch":
                return new BatchSourceOperator();
            case "noop":
                return new NoOpOperator();
            case "from":
                return new FromOperator(n.stringValue("Database"), n.stringValue("RetentionPolicy"),
                    n.stringValue("Measurement"), fromWhere(n), n.durationNanos("Truncate"), n.durationNanos("Round"),
                    n.has("GroupByMeasurement"), n.values("GroupBy"));
            case "where":
                return new WhereOperator(Lambdas.compile(n.value("Lambda"), "where"));
            case "eval":
                return eval(n);
            case "log":
                return new LogOperator(n.stringValue("Level"), n.stringValue("Prefix"));
            case "groupby":
                return new GroupByOperator(n.values("Dimensions"), n.allValues("Exclude"), n.has("ByMeasurement"));
            case "window":
                return new WindowOperator(n.durationNanos("Period"), n.durationNanos("Every"), n.has("Align"),
                    n.has("FillPeriod"), n.longValue("PeriodCount"), n.longValue("EveryCount"));
            case "http_out":
                return new HttpOutOperator(n.stringValue("Endpoint"));
            case "shift":
                return new ShiftOperator(n.durationNanos("Shift"));
            case "sample":
                return new SampleOperator(n.longValue("N"), n.durationNanos("Duration"));
            case "derivative":
                return new DerivativeOperator(n.stringValue("Field"), n.stringValue("As"), n.durationNanos("Unit"),
                    n.has("NonNegative"));
            case "default":
                return defaults(n);
            case "delete":
                return new DeleteOperator(strings(n.allValues("Field")), strings(n.allValues("Tag")));
            case "alert":
                return new AlertOperator(n);
            case "barrier":
                return new BarrierOperator(n.durationNanos("Idle"), n.durationNanos("Period"),
                    Boolean.TRUE.equals(n.value("Delete")));
            case "union":
                return new UnionOperator(n.stringValue("Rename"), n.parents().size());
            case "join":
                return new JoinOperator(stringList(n.values("As")), stringList(n.values("On")),
                    n.stringValue("Delimiter"), n.stringValue("StreamName"), n.durationNanos("Tolerance"),
                    n.value("Fill"), Boolean.TRUE.equals(n.value("DeleteAll")), n.parents().size());
            case "state_duration":
                return StateTrackingOperator.duration(Lambdas.compile(n.value("Lambda"), "stateDuration"),
                    n.stringValue("As"), n.durationNanos("Unit"));
            case "state_count":
                return StateTrackingOperator.count(Lambdas.compile(n.value("Lambda"), "stateCount"),
                    n.stringValue("As"));
            case "changeDetect":
                return new ChangeDetectOperator(stringList(n.values("Fields")));
            case "flatten":
                return new FlattenOperator(stringList(n.values("On")), n.stringValue("Delimiter"),
                    n.durationNanos("Tolerance"), n.has("DropOriginalFieldName")
                    && !Boolean.FALSE.equals(n.value("DropOriginalFieldName")));
            case "combine":
                return combine(n);
            default:
                throw unsupported(type);
        }
    }

    /** Every where() call on from() must pass (Kapacitor ANDs them). */
    private static List<PointPredicate> fromWhere(NodeDef n) {
        List<PointPredicate> where = new ArrayList<>();
        for (List<Object> call : n.calls("Where")) {
            where.add(Lambdas.predicate(Lambdas.compile(call.get(0), "from")));
        }
        return where;
    }

    private static EvalOperator eval(NodeDef n) {
        List<Expr> exprs = new ArrayList<>();
        List<Object> lambdas = n.values("Lambdas");
        for (int i = 0; i < lambdas.size(); i++) {
            exprs.add(Lambdas.compile(lambdas.get(i), String.valueOf(i)));
        }
        List<String> keepList = n.allValues("Keep").stream().map(String::valueOf).toList();
        return new EvalOperator(exprs, n.allValues("As").stream().map(String::valueOf).toList(),
            strings(n.allValues("Tags")), n.has("Keep"), keepList, n.isQuiet());
    }

    private static CombineOperator combine(NodeDef n) {
        List<Expr> exprs = new ArrayList<>();
        List<Object> lambdas = n.values("Lambdas");
        for (int i = 0; i < lambdas.size(); i++) {
            exprs.add(Lambdas.compile(lambdas.get(i), String.valueOf(i)));
        }
        return new CombineOperator(exprs, stringList(n.values("As")), n.stringValue("Delimiter"),
            n.durationNanos("Tolerance"), n.longValue("Max"));
    }

    private static HttpPostOperator httpPost(NodeDef n, NodeServices services) {
        Map<String, String> headers = new LinkedHashMap<>();
        String url;
        String rowTemplate = "";
        List<Object> urls = n.values("URLs");
        List<Object> endpoints = n.allValues("Endpoint");
        if (!endpoints.isEmpty()) {
            String name = String.valueOf(endpoints.get(0));
            NodeServices.HttpPostEndpoint e = services.httpPost().get(name);
            if (e == null) {
                throw new IllegalArgumentException("endpoint '" + name + "' does not exist");
            }
            url = e.url();
            rowTemplate = e.rowTemplate();
            headers.putAll(e.headers());
        } else if (!urls.isEmpty()) {
            url = String.valueOf(urls.get(0));
        } else {
            throw new IllegalArgumentException("httpPost needs a URL or an endpoint");
        }
        headers.putAll(stringPairs(n, "Header"));
        return new HttpPostOperator(url, rowTemplate, headers, n.stringValue("CodeField"), n.has("CaptureResponse"),
            n.durationNanos("Timeout"));
    }

    private static SideloadOperator sideload(NodeDef n, NodeServices services) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (List<Object> call : n.calls("Field")) {
            fields.put(String.valueOf(call.get(0)), call.get(1));
        }
        return new SideloadOperator(n.stringValue("Source"), stringList(n.allValues("Order")), fields,
            stringPairs(n, "Tag"), services.sideloadDirs());
    }

    /** The (key, value) calls of a property such as .tag(k, v), the last call of a key winning. */
    private static Map<String, String> stringPairs(NodeDef n, String property) {
        Map<String, String> m = new LinkedHashMap<>();
        for (List<Object> call : n.calls(property)) {
            m.put(String.valueOf(call.get(0)), String.valueOf(call.get(1)));
        }
        return m;
    }

    private static DefaultOperator defaults(NodeDef n) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (List<Object> call : n.calls("Field")) {
            fields.put((String) call.get(0), call.get(1));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (List<Object> call : n.calls("Tag")) {
            tags.put((String) call.get(0), (String) call.get(1));
        }
        return new DefaultOperator(fields, tags);
    }

    private static List<String> stringList(List<Object> values) {
        return values.stream().map(String::valueOf).toList();
    }

    private static Set<String> strings(List<Object> values) {
        Set<String> s = new HashSet<>();
        values.forEach(v -> s.add(String.valueOf(v)));
        return s;
    }

    private static IllegalArgumentException unsupported(String type) {
        return new IllegalArgumentException("node type " + type + " is not supported yet");
    }
}
