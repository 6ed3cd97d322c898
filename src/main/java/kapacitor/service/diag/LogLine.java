package kapacitor.service.diag;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One log event in Kapacitor's diagnostic shape: time, level (debug, info, warn, error), message and key/value
 * fields. Messages in this code base are written as logfmt ({@code msg="opened store" location=/x}), so the text is
 * split back into its message and fields; a message that is not logfmt is kept whole as the message.
 */
public record LogLine(Instant time, String level, String msg, List<Map.Entry<String, String>> fields) {
    /** Kapacitor's RFC3339Milli layout, in the local zone as Go's time.Now() formats. */
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
        .withZone(ZoneId.systemDefault());

    public LogLine {
        fields = List.copyOf(fields);
    }

    /**
     * {@code service}: the logger's short name, added as a {@code service} field unless the message names one
     * itself; {@code error}: the attached exception's text, or null.
     */
    public static LogLine of(Instant time, String level, String text, String service, String error) {
        List<Map.Entry<String, String>> parsed = Logfmt.parse(text);
        String msg = null;
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        if (parsed == null) {
            msg = text;
        } else {
            for (Map.Entry<String, String> f : parsed) {
                if (msg == null && f.getKey().equals("msg")) {
                    msg = f.getValue();
                } else {
                    fields.add(f);
                }
            }
            if (msg == null) {
                // Keys without a message ("task=x node=y err=..."): the whole text stays readable as the message.
                msg = text;
            }
        }
        if (service != null && fields.stream().noneMatch(f -> f.getKey().equals("service"))) {
            fields.add(0, Map.entry("service", service));
        }
        if (error != null) {
            fields.add(Map.entry("error", error));
        }
        return new LogLine(time, level, msg, fields);
    }

    /**
     * Kapacitor's session filter: every tag must match the message ({@code msg}), the level ({@code lvl}) or a field
     * with that key and value.
     */
    public boolean matches(List<Map.Entry<String, String>> tags) {
        for (Map.Entry<String, String> t : tags) {
            String k = t.getKey();
            String v = t.getValue();
            boolean hit = k.equals("msg") && v.equals(msg) || k.equals("lvl") && v.equals(level)
                || fields.stream().anyMatch(f -> f.getKey().equals(k) && f.getValue().equals(v));
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    /** {@code {"ts":"...","lvl":"info","msg":"...","key":"value"}} and a newline, as Kapacitor's writeJSON. */
    public String json() {
        StringBuilder b = new StringBuilder(128);
        b.append("{\"ts\":");
        Logfmt.quote(b, TS.format(time));
        b.append(",\"lvl\":");
        Logfmt.quote(b, level);
        b.append(",\"msg\":");
        Logfmt.quote(b, msg);
        for (Map.Entry<String, String> f : fields) {
            b.append(',');
            Logfmt.quote(b, f.getKey());
            b.append(':');
            Logfmt.quote(b, f.getValue());
        }
        return b.append("}\n").toString();
    }

    /** {@code ts=... lvl=info msg="..." key=value} and a newline, as Kapacitor's writeLogfmt. */
    public String logfmt() {
        StringBuilder b = new StringBuilder(128);
        b.append("ts=").append(TS.format(time)).append(" lvl=").append(level).append(" msg=");
        Logfmt.value(b, msg);
        for (Map.Entry<String, String> f : fields) {
            b.append(' ').append(f.getKey()).append('=');
            Logfmt.value(b, f.getValue());
        }
        return b.append('\n').toString();
    }
}
