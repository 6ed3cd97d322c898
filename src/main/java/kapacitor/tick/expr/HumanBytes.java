package kapacitor.tick.expr;

import java.util.Locale;

/** go-humanize's {@code Bytes}: SI units, one decimal below 10 ("82.9 MB", "1.0 kB", "9 B"). */
final class HumanBytes {
    private static final String[] SIZES = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    private HumanBytes() {
    }

    /** {@code unsignedBytes} is a uint64 held in a long. */
    static String format(long unsignedBytes) {
        if (Long.compareUnsigned(unsignedBytes, 10) < 0) {
            return unsignedBytes + " B";
        }
        double s = unsignedBytes >= 0 ? unsignedBytes : (double) (unsignedBytes >>> 1) * 2.0;
        double e = Math.floor(Math.log(s) / Math.log(1000));
        String suffix = SIZES[(int) e];
        double val = Math.floor(s / Math.pow(1000, e) * 10 + 0.5) / 10;
        return String.format(Locale.ROOT, val < 10 ? "%.1f %s" : "%.0f %s", val, suffix);
    }
}
