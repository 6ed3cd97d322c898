package kapacitor.tools;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadTest {
    @Test
    void linesFollowTheCanonicalFormat() {
        Workload w = new Workload(8, 2);
        List<byte[]> bodies = w.bodies(0, 1, 100);
        String[] lines = new String(bodies.get(0), StandardCharsets.UTF_8).split("\n");
        assertEquals(8 + 8, lines.length, "8 points then one flush point per series");
        assertTrue(lines[0].matches("cpu,host=host0000,cpu=cpu0 usage_idle=\\d+\\.\\d\\d,usage_user=\\d+\\.\\d\\d "
            + "1700000000000000000"), lines[0]);
        assertTrue(lines[5].startsWith("cpu,host=host0001,cpu=cpu1 "), lines[5]);
        assertTrue(lines[8].endsWith(" 1700000010000000000"), "flush at the last second (0) + 10 s: " + lines[8]);
        assertTrue(lines[8].contains("usage_idle=50.00,usage_user=25.00"), lines[8]);
    }

    @Test
    void clientsSplitHostsAndKeepTimeOrder() {
        Workload w = new Workload(80, 4);
        String c1 = new String(w.bodies(1, 2, 1000).get(0), StandardCharsets.UTF_8);
        for (String line : c1.split("\n")) {
            assertTrue(line.contains("host=host0001") || line.contains("host=host0003"), line);
        }
    }

    /** The correctness gate of WORKLOAD.md, computed from the generator itself: windows whose mean is below 10. */
    @Test
    void canonicalWorkloadHasTheDocumentedCritWindows() {
        long points = 5_000_000;
        int series = 4000;
        long seconds = points / series;
        long crit = 0;
        long windows = 0;
        for (long s = 0; s < series; s++) {
            for (long w = 0; w < seconds / 10; w++) {
                long sum = 0;
                for (long t = w * 10; t < w * 10 + 10; t++) {
                    sum += Workload.idle(s, t);
                }
                windows++;
                if (sum < 1000 * 10) {
                    crit++;
                }
            }
        }
        assertEquals(500_000, windows);
        assertEquals(19_527, crit);
    }
}
