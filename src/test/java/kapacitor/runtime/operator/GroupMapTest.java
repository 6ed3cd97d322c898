package kapacitor.runtime.operator;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The open-addressing group map against java.util.HashMap on random puts, gets and removes (growing and shrinking). */
class GroupMapTest {
    @Test
    void behavesAsAHashMap() {
        Random rnd = new Random(7);
        GroupMap<Integer> map = new GroupMap<>();
        Map<String, Integer> expected = new HashMap<>();
        for (int round = 0; round < 200_000; round++) {
            // Equal but distinct String instances, as group ids built twice are.
            String key = new String("host=h" + rnd.nextInt(round < 100_000 ? 20_000 : 500));
            int op = rnd.nextInt(10);
            if (op < 5) {
                map.put(key, round);
                expected.put(key, round);
            } else if (op < 8) {
                assertEquals(expected.remove(key), map.remove(key));
            } else {
                assertEquals(expected.get(key), map.get(key));
            }
            assertEquals(expected.size(), map.size());
        }
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), map.get(e.getKey()));
        }
        Map<String, Integer> seen = new HashMap<>();
        map.forEach(seen::put);
        assertEquals(expected, seen);
    }
}
