package kapacitor.lineprotocol;

import java.nio.charset.StandardCharsets;

/** The canonical benchmark lines of /work/shared/bench/WORKLOAD.md, generated deterministically. */
public final class CanonicalWorkload {
    private CanonicalWorkload() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Lines {@code 0 .. n-1} for {@code hosts} hosts, each ending in '\n'. */
    public static byte[] lines(int n, int hosts) {
        int series = hosts * 4;
        int width = Math.max(4, Integer.toString(hosts - 1).length());
        StringBuilder sb = new StringBuilder(n * 84);
        for (long i = 0; i < n; i++) {
            long t = i / series;
            long s = i % series;
            long w = t / 10;
            boolean busy = Long.remainderUnsigned(mix(0x9E3779B97F4A7C15L * (s + 1) + w * 0x632BE59BD9B4E5A1L), 25)
                == 0;
            long h = mix((s << 32) ^ t ^ 0x5DEECE66DL);
            long idle = busy ? (2 + Long.remainderUnsigned(h, 12)) * 100 + 3 : 2000 + Long.remainderUnsigned(h, 8000);
            long user = (10000 - idle) / 2;
            String host = Long.toString(s / 4);
            sb.append("cpu,host=host").append("0".repeat(Math.max(0, width - host.length()))).append(host)
                .append(",cpu=cpu").append(s % 4)
                .append(" usage_idle=").append(hundredths(idle))
                .append(",usage_user=").append(hundredths(user))
                .append(' ').append((1_700_000_000L + t) * 1_000_000_000L).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String hundredths(long v) {
        long frac = v % 100;
        return (v / 100) + "." + (frac < 10 ? "0" : "") + frac;
    }
}
