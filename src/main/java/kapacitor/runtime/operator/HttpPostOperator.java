package kapacitor.runtime.operator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import kapacitor.alert.template.GoStruct;
import kapacitor.alert.template.GoTemplate;
import kapacitor.alert.template.GoValues;
import kapacitor.alert.template.TemplateException;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Kapacitor's httpPost node: POSTs each point or batch as {@code {"series":[row]}} JSON (or the endpoint's row
 * template filled with the row) to the URL or configured endpoint, with the headers, and passes the message on. The
 * URL is a Go template of the row too ({@code {{ index .Tags "host" }}}). Like Kapacitor, one request at a time, in
 * message order, but without blocking the task: requests wait in a bounded queue. With {@code codeField} messages are
 * held, in order, until their response gives the code (0 on a failure). Failures and non-2xx answers are node errors.
 */
public final class HttpPostOperator implements Operator, ContextAware {
    /** Requests waiting before new ones fail at once rather than queue without bound. */
    public static final int MAX_QUEUED = 1000;

    /** The functions Kapacitor's URL and row templates know. */
    private static final Map<String, Function<List<Object>, Object>> TEMPLATE_FUNCS = Map.of(
        "json", args -> json(args.get(0)) + "\n",
        "jsonCompact", args -> json(args.get(0)));

    private final GoTemplate url;
    /** The URL itself when it has no template action, which saves building the row for it. */
    private final String plainUrl;
    /** Null: the body is the row as JSON. */
    private final GoTemplate rowTemplate;
    private final Map<String, String> headers;
    private final String codeField;
    private final boolean captureResponse;
    private final long timeoutMillis;
    private final ArrayDeque<Pending> held = new ArrayDeque<>();
    private NodeContext context;
    private HttpClient client;
    private final ArrayDeque<Pending> requests = new ArrayDeque<>();
    private boolean sending;

    private static final class Pending {
        final Message message;
        boolean done;
        int code;
        String url;
        String body;

        Pending(Message message, boolean done) {
            this.message = message;
            this.done = done;
        }
    }

    public HttpPostOperator(String url, Map<String, String> headers, String codeField, boolean captureResponse,
                            long timeoutNanos) {
        this(url, "", headers, codeField, captureResponse, timeoutNanos);
    }

    /** With the endpoint's row template (empty: JSON bodies). */
    public HttpPostOperator(String url, String rowTemplate, Map<String, String> headers, String codeField,
                            boolean captureResponse, long timeoutNanos) {
        try {
            this.url = GoTemplate.parse("body", url, false, TEMPLATE_FUNCS);
            this.plainUrl = url.contains("{{") ? null : url;
        } catch (TemplateException e) {
            throw new IllegalArgumentException("error in url templating: failed to parse template: " + e.getMessage(),
                e);
        }
        try {
            this.rowTemplate = rowTemplate.isEmpty() ? null
                : GoTemplate.parse("body", rowTemplate, false, TEMPLATE_FUNCS);
        } catch (TemplateException e) {
            throw new IllegalArgumentException("failed to parse template: " + e.getMessage(), e);
        }
        this.headers = Map.copyOf(headers);
        this.codeField = codeField;
        this.captureResponse = captureResponse;
        this.timeoutMillis = timeoutNanos <= 0 ? 0 : Math.max(1, timeoutNanos / 1_000_000);
    }

    @Override
    public void open(NodeContext ctx) {
        this.context = ctx;
        this.client = ctx.vertx().createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(1));
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    public void process(Message m, Output out) {
        if (!m.isData()) {
            hold(m, true, out);
            return;
        }
        Pending p = hold(m, false, out);
        if (requests.size() >= MAX_QUEUED) {
            out.error("failed to POST data: " + requests.size() + " requests waiting");
            complete(p, 0);
            return;
        }
        try {
            prepare(p, m);
        } catch (TemplateException e) {
            out.error("failed to POST data: " + e.getMessage());
            complete(p, 0);
            return;
        }
        requests.addLast(p);
        pump();
    }

    private void pump() {
        if (sending || requests.isEmpty()) {
            return;
        }
        sending = true;
        Pending p = requests.pollFirst();
        String body = p.body;
        String target = p.url;
        p.body = null;
        // The reply comes back on the task's context; what it releases is sent on from there.
        send(target, body).onComplete(ar -> context.run(() -> {
            sending = false;
            complete(p, ar.succeeded() ? ar.result() : failed(ar.cause()));
            pump();
        }).run());
    }

    /** Without a code field nothing waits: the message goes on at once unless earlier ones are held. */
    private Pending hold(Message m, boolean done, Output out) {
        Pending p = new Pending(m, done);
        if (codeField.isEmpty() && held.isEmpty()) {
            out.emit(m);
            p.done = true;
            return p;
        }
        if (codeField.isEmpty()) {
            p.done = true;
        }
        held.addLast(p);
        drain(out);
        return p;
    }

    private void complete(Pending p, int code) {
        p.code = code;
        p.done = true;
        drain(context.output());
    }

    private void drain(Output out) {
        while (!held.isEmpty() && held.peekFirst().done) {
            Pending p = held.pollFirst();
            out.emit(codeField.isEmpty() || !p.message.isData() ? p.message : withCode(p.message, p.code));
        }
    }

    private int failed(Throwable e) {
        context.output().error("failed to POST data: " + e.getMessage());
        return 0;
    }

    private io.vertx.core.Future<Integer> send(String target, String body) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(target);
        if (rowTemplate == null) {
            options.putHeader("Content-Type", "application/json");
        }
        headers.forEach(options::putHeader);
        if (timeoutMillis > 0) {
            options.setTimeout(timeoutMillis);
        }
        return client.request(options)
            .compose(req -> req.send(Buffer.buffer(body)))
            .compose(resp -> resp.body().map(b -> {
                int code = resp.statusCode();
                if (code / 100 != 2) {
                    String err = captureResponse ? b.toString()
                        : "unknown error, use .captureResponse() to capture the HTTP response";
                    context.output().error("POST returned non 2xx status code: " + err + " code=" + code);
                }
                return code;
            }));
    }

    /** The request's URL and body; the templates see the row as Kapacitor's mappedRow. */
    private void prepare(Pending p, Message m) throws TemplateException {
        GoStruct row = null;
        if (rowTemplate != null || plainUrl == null) {
            row = m instanceof PointMessage pm
                ? mappedRow(pm.name(), pm.point().tags(), List.of(pm.point()), null)
                : mappedRow(m.name(), m.groupTags(), ((BatchMessage) m).points(), m.groupTags());
        }
        try {
            p.body = rowTemplate == null ? body(m) : rowTemplate.execute(row);
        } catch (TemplateException e) {
            throw new TemplateException("failed to execute template: " + e.getMessage());
        }
        if (plainUrl != null) {
            p.url = plainUrl;
            return;
        }
        try {
            p.url = url.execute(row);
        } catch (TemplateException e) {
            throw new TemplateException("failed to execute url template: " + e.getMessage());
        }
    }

    /** Kapacitor's mappedRow: Name, Tags and one column-to-value map per row of values. */
    private static GoStruct mappedRow(String name, Tags tags, List<Point> points, Tags batchTags) {
        TreeSet<String> columns = new TreeSet<>();
        if (!points.isEmpty()) {
            Point first = points.get(0);
            for (int i = 0; i < first.fields().size(); i++) {
                columns.add(first.fields().key(i));
            }
            for (int i = 0; batchTags != null && i < first.tags().size(); i++) {
                if (!batchTags.containsKey(first.tags().key(i))) {
                    columns.add(first.tags().key(i));
                }
            }
        }
        List<Object> values = new ArrayList<>(points.size());
        for (Point p : points) {
            Map<String, Object> v = new TreeMap<>();
            v.put("time", new GoValues.Time(p.time()));
            for (String c : columns) {
                Object f = p.fields().get(c);
                v.put(c, f != null ? f : p.tags().get(c));
            }
            values.add(v);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", name);
        fields.put("Tags", GoTemplate.goMap(tags.toMap()));
        fields.put("Values", values);
        return new GoStruct("mappedRow", fields);
    }

    private static String json(Object v) {
        StringBuilder b = new StringBuilder();
        GoValues.json(b, v);
        return b.toString();
    }

    /** Kapacitor's json.Encoder output of models.Result with the message's row, newline included. */
    private static String body(Message m) {
        StringBuilder b = new StringBuilder("{\"series\":[");
        if (m instanceof PointMessage p) {
            HttpOutOperator.renderRow(b, p.name(), p.point().tags(), List.of(p.point()), null);
        } else {
            BatchMessage bm = (BatchMessage) m;
            HttpOutOperator.renderRow(b, bm.name(), bm.groupTags(), bm.points(), bm.groupTags());
        }
        return b.append("]}\n").toString();
    }

    private Message withCode(Message m, int code) {
        if (m instanceof PointMessage p) {
            return p.withPoint(p.point().withFields(withCode(p.point().fields(), code)));
        }
        BatchMessage b = (BatchMessage) m;
        List<Point> points = new ArrayList<>(b.points().size());
        for (Point p : b.points()) {
            points.add(p.withFields(withCode(p.fields(), code)));
        }
        return b.withPoints(points);
    }

    private Fields withCode(Fields f, int code) {
        TreeMap<String, Object> m = f.toMap();
        m.put(codeField, (long) code);
        return Fields.of(m);
    }
}
