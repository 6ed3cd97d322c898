package kapacitor.runtime.operator;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kapacitor's sideload node: sets fields and tags from the values files of a {@code file://} source directory, the
 * first file of the order list (paths templated by the point's tags) holding the key winning, the default otherwise
 * and when the value does not convert to the default's type. The directory is read once, off the event loop, when
 * the task starts; messages arriving meanwhile wait. When sideload directories are configured the source must be in
 * one of them. Order templates support Kapacitor's {@code {{.tag}}} form only. The node registers its directory with
 * {@link SideloadSources} while it runs, so {@code POST /sideload/reload} re-reads it.
 */
public final class SideloadOperator implements Operator, ContextAware {
    private static final Pattern TAG_REF = Pattern.compile("\\{\\{\\s*\\.([A-Za-z0-9_]+)\\s*}}");

    private final Path dir;
    private final List<String> order;
    private final Map<String, Object> fields;
    private final Map<String, String> tags;
    private Map<String, Map<String, Object>> cache;
    private final ArrayDeque<Message> waiting = new ArrayDeque<>();
    private NodeContext context;
    private Runnable unregister;

    public SideloadOperator(String source, List<String> order, Map<String, Object> fields, Map<String, String> tags,
                            List<Path> allowedDirs) {
        URI uri;
        try {
            uri = new URI(source);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid sideload source " + source + ": " + e.getMessage());
        }
        if (!"file".equals(uri.getScheme())) {
            // Named endpoints and http(s) sources are served by Kapacitor's httppost service; not here yet.
            throw new IllegalArgumentException("unsupported source scheme \"" + uri.getScheme()
                + "\", only 'file' is supported yet");
        }
        Path p = Path.of(uri.getPath() == null ? "" : uri.getPath());
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException("sideload source path must be absolute \"" + uri.getPath() + "\"");
        }
        this.dir = p.normalize();
        if (!allowedDirs.isEmpty() && allowedDirs.stream().noneMatch(d -> dir.startsWith(d.toAbsolutePath()
            .normalize()))) {
            throw new IllegalArgumentException("sideload source path \"" + dir
                + "\" is not under a configured sideload directory");
        }
        for (String o : order) {
            String rest = TAG_REF.matcher(o).replaceAll("");
            if (rest.contains("{{")) {
                throw new IllegalArgumentException("unsupported order template " + o + ": only {{.tag}} is supported");
            }
        }
        this.order = List.copyOf(order);
        this.fields = new LinkedHashMap<>(fields);
        this.tags = new LinkedHashMap<>(tags);
    }

    @Override
    public void open(NodeContext ctx) {
        this.context = ctx;
        // Reloads before the first read completes are covered by that read, which starts after registering.
        unregister = SideloadSources.of(ctx.vertx()).register(dir, ctx.vertx().getOrCreateContext(),
            values -> ctx.run(() -> {
                if (cache != null) {
                    cache = values;
                }
            }).run());
        ctx.vertx().executeBlocking(() -> SideloadValues.load(dir), false)
            .onComplete(ar -> ctx.run(() -> {
                if (ar.succeeded()) {
                    cache = ar.result();
                } else {
                    ctx.output().error(SideloadSources.describe(dir, ar.cause()));
                    cache = Map.of();
                }
                while (!waiting.isEmpty()) {
                    handle(waiting.pollFirst(), ctx.output());
                }
            }).run());
    }

    @Override
    public void close() {
        if (unregister != null) {
            unregister.run();
        }
    }

    @Override
    public void process(Message m, Output out) {
        if (cache == null) {
            waiting.addLast(m);
            return;
        }
        handle(m, out);
    }

    private void handle(Message m, Output out) {
        if (m instanceof PointMessage pm) {
            Point p = sideload(pm.point(), out);
            out.emit(p.tags() == pm.point().tags() ? pm.withPoint(p) : PointMessage.of(p, pm.dims()));
        } else if (m instanceof BatchMessage b) {
            List<Point> points = new ArrayList<>(b.points().size());
            for (Point p : b.points()) {
                points.add(sideload(p, out));
            }
            out.emit(b.withPoints(points));
        } else {
            out.emit(m);
        }
    }

    private Point sideload(Point p, Output out) {
        List<String> paths = new ArrayList<>(order.size());
        for (String o : order) {
            Matcher mt = TAG_REF.matcher(o);
            StringBuilder b = new StringBuilder();
            while (mt.find()) {
                String v = p.tags().get(mt.group(1));
                mt.appendReplacement(b, Matcher.quoteReplacement(v == null ? "<no value>" : v));
            }
            mt.appendTail(b);
            paths.add(Path.of(b.toString()).normalize().toString());
        }
        Point result = p;
        if (!fields.isEmpty()) {
            TreeMap<String, Object> f = p.fields().toMap();
            fields.forEach((key, dflt) -> f.put(key, value(paths, key, dflt, out)));
            result = result.withFields(Fields.of(f));
        }
        if (!tags.isEmpty()) {
            TreeMap<String, String> t = p.tags().toMap();
            tags.forEach((key, dflt) -> t.put(key, (String) value(paths, key, dflt, out)));
            result = result.withTags(Tags.of(t));
        }
        return result;
    }

    private Object value(List<String> paths, String key, Object dflt, Output out) {
        String k = Path.of(key).normalize().toString();
        for (String path : paths) {
            Map<String, Object> values = cache.get(path);
            if (values != null && values.containsKey(k)) {
                Object v = values.get(k);
                if (v == null) {
                    return dflt;
                }
                Object converted = convert(v, dflt);
                if (converted == null) {
                    out.error("failed to load key: key=" + key + " expected=" + goType(dflt) + " got=" + goType(v));
                    return dflt;
                }
                return converted;
            }
        }
        return dflt;
    }

    /** Kapacitor's convertType: the value in the default's type, or null when it does not convert. */
    static Object convert(Object v, Object dflt) {
        if (dflt instanceof Long) {
            if (v instanceof Double d && (double) d.longValue() == d) {
                return d.longValue();
            }
            if (v instanceof Long) {
                return v;
            }
            if (v instanceof String s) {
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
        if (dflt instanceof Double) {
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            if (v instanceof String s) {
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
        if (dflt instanceof Boolean) {
            if (v instanceof Boolean) {
                return v;
            }
            if (v instanceof String s) {
                switch (s) {
                    case "1": case "t": case "T": case "true": case "TRUE": case "True":
                        return Boolean.TRUE;
                    case "0": case "f": case "F": case "false": case "FALSE": case "False":
                        return Boolean.FALSE;
                    default:
                        return null;
                }
            }
            return null;
        }
        if (dflt instanceof String) {
            if (v instanceof String) {
                return v;
            }
            if (v instanceof Double d) {
                return LogOperator.formatFloat(d);
            }
            if (v instanceof Boolean || v instanceof Long) {
                return String.valueOf(v);
            }
            return null;
        }
        return null;
    }

    private static String goType(Object v) {
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Long) {
            return "int64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        return v instanceof String ? "string" : String.valueOf(v == null ? null : v.getClass().getSimpleName());
    }
}
