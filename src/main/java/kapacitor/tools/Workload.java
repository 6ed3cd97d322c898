package kapacitor.tools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical benchmark workload (shared/bench/WORKLOAD.md): {@code N} points of {@code HOSTS} hosts x 4 cpus, one
 * point per series per second, deterministic values, and one flush point per series 10 s after the last second.
 */
public final class Workload {
    private static final long BASE_SECONDS = 1_700_000_000L;

    private final long points;
    private final int hosts;
    private final int series;
    private final int hostDigits;

    public Workload(long points, int hosts) {
        this.points = points;
        this.hosts = hosts;
        this.series = hosts * 4;
        this.hostDigits = Math.max(4, Integer.toString(Math.max(0, hosts - 1)).length());
    }

    public long points() {
        return points;
    }

    public int series() {
        return series;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static boolean busy(long s, long w) {
        return Long.remainderUnsigned(mix(0x9E3779B97F4A7C15L * (s + 1) + w * 0x632BE59BD9B4E5A1L), 25) == 0;
    }

    /** usage_idle of series {@code s} at second {@code t}, in hundredths. */
    static long idle(long s, long t) {
        long h = mix((s << 32) ^ t ^ 0x5DEECE66DL);
        if (busy(s, t / 10)) {
            return (2 + Long.remainderUnsigned(h, 12)) * 100 + 3;
        }
        return 2000 + Long.remainderUnsigned(h, 8000);
    }

    /**
     * The request bodies client {@code c} of {@code clients} sends, in order: its hosts' points in time order, at
     * most {@code linesPerBody} lines each, then its share of the flush points.
     */
    public List<byte[]> bodies(int c, int clients, int linesPerBody) {
        List<byte[]> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder(linesPerBody * 80);
        int lines = 0;
        long lastSecond = points == 0 ? 0 : (points - 1) / series;
        for (long i = 0; i < points; i++) {
            long s = i % series;
            long host = s / 4;
            if (host % clients != c) {
                continue;
            }
            long t = i / series;
            long idle = idle(s, t);
            line(sb, host, s % 4, idle, (10000 - idle) / 2, (BASE_SECONDS + t) * 1_000_000_000L);
            if (++lines == linesPerBody) {
                out.add(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
                lines = 0;
            }
        }
        long flushTime = (BASE_SECONDS + lastSecond + 10) * 1_000_000_000L;
        for (long s = 0; s < series; s++) {
            long host = s / 4;
            if (host % clients != c) {
                continue;
            }
            line(sb, host, s % 4, 5000, 2500, flushTime);
            if (++lines == linesPerBody) {
                out.add(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
                lines = 0;
            }
        }
        if (lines > 0) {
            out.add(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private void line(StringBuilder sb, long host, long cpu, long idle, long user, long time) {
        sb.append("cpu,host=host");
        String h = Long.toString(host);
        for (int i = h.length(); i < hostDigits; i++) {
            sb.append('0');
        }
        sb.append(h).append(",cpu=cpu").append(cpu).append(" usage_idle=");
        hundredths(sb, idle);
        sb.append(",usage_user=");
        hundredths(sb, user);
        sb.append(' ').append(time).append('\n');
    }

    private static void hundredths(StringBuilder sb, long v) {
        sb.append(v / 100).append('.');
        long frac = v % 100;
        if (frac < 10) {
            sb.append('0');
        }
        sb.append(frac);
    }
}
