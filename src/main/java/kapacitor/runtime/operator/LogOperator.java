package kapacitor.runtime.operator;

import kapacitor.util.GoQuote;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.time.GoTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Kapacitor's log node: logs every point (a batch as "begin batch", one "batch point" per point, "end batch") at the
 * configured level with the prefix, as Kapacitor's logfmt diagnostic lines ({@code msg=point prefix=... name=...
 * tag_k=v field_k=v time=...}; tags and fields in key order where Go's map order is random), and forwards it.
 * Barriers and deletes pass unlogged. Lines are only built when the level is enabled.
 */
public final class LogOperator implements Operator {
    private static final Logger LOG = LoggerFactory.getLogger("kapacitor.task.log");

    private final Level level;
    private final String prefix;

    public LogOperator(String level, String prefix) {
        this.level = parse(level);
        this.prefix = prefix;
    }

    private static Level parse(String level) {
        // Kapacitor's diagnostic handler knows INFO, ERROR and DEBUG; anything else (WARN too) logs at info.
        switch (level.toUpperCase(Locale.ROOT)) {
            case "DEBUG":
                return Level.DEBUG;
            case "ERROR":
                return Level.ERROR;
            default:
                return Level.INFO;
        }
    }

    @Override
    public void process(Message m, Output out) {
        if (m.isData() && LOG.isEnabledForLevel(level)) {
            for (String line : lines(m, prefix)) {
                LOG.atLevel(level).log(line);
            }
        }
        out.emit(m);
    }

    /** The logfmt lines Kapacitor writes for a point or a batch (without its ts, lvl and context keys). */
    static List<String> lines(Message m, String prefix) {
        if (m instanceof PointMessage pm) {
            Point p = pm.point();
            StringBuilder b = new StringBuilder("msg=point");
            pair(b, "prefix", prefix);
            pair(b, "name", p.name());
            pair(b, "db", p.db());
            pair(b, "rp", p.rp());
            pair(b, "group", pm.groupId());
            List<String> dims = pm.dims().tagNames();
            for (int i = 0; i < dims.size(); i++) {
                pair(b, "dimension_" + i, dims.get(i));
            }
            tagsAndFields(b, p.tags(), p.fields());
            pair(b, "time", GoTime.formatRfc3339Nano(p.time()));
            return List.of(b.toString());
        }
        BatchMessage bm = (BatchMessage) m;
        String edge = edge(bm, prefix);
        java.util.ArrayList<String> lines = new java.util.ArrayList<>(bm.points().size() + 2);
        lines.add("msg=\"begin batch\"" + edge);
        for (Point p : bm.points()) {
            StringBuilder b = new StringBuilder("msg=\"batch point\"");
            pair(b, "prefix", prefix);
            pair(b, "name", bm.name());
            pair(b, "group", bm.groupId());
            tagsAndFields(b, p.tags(), p.fields());
            pair(b, "time", GoTime.formatRfc3339Nano(p.time()));
            lines.add(b.toString());
        }
        lines.add("msg=\"end batch\"" + edge);
        return lines;
    }

    private static String edge(BatchMessage bm, String prefix) {
        StringBuilder b = new StringBuilder();
        pair(b, "prefix", prefix);
        pair(b, "name", bm.name());
        pair(b, "group", bm.groupId());
        tagsAndFields(b, bm.groupTags(), Fields.EMPTY);
        pair(b, "time", GoTime.formatRfc3339Nano(bm.time()));
        return b.toString();
    }

    private static void tagsAndFields(StringBuilder b, Tags tags, Fields fields) {
        for (int i = 0; i < tags.size(); i++) {
            pair(b, "tag_" + tags.key(i), tags.value(i));
        }
        for (int i = 0; i < fields.size(); i++) {
            Object v = fields.valueAt(i);
            String s;
            if (v instanceof Double d) {
                s = formatFloat(d);
            } else {
                s = String.valueOf(v);
            }
            pair(b, "field_" + fields.key(i), s);
        }
    }

    /** Go's strconv.FormatFloat(v, 'f', -1, 64). */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** One {@code key=value}, the value quoted as Go's strconv.Quote when it holds a space or a quote. */
    private static void pair(StringBuilder b, String key, String value) {
        b.append(' ').append(key).append('=');
        if (value.indexOf(' ') < 0 && value.indexOf('"') < 0) {
            b.append(value);
            return;
        }
        b.append(GoQuote.quote(value));
    }
}
