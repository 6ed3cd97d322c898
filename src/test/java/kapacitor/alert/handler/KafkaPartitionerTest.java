package kapacitor.alert.handler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Partition choices as Kapacitor's partitioners make them (its Test_HashPartitioners cases). */
class KafkaPartitionerTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({
        "crc32, hello, 1000, 870", "crc32, hello2, 1000, 502", "crc32, hello3, 1000, 592",
        "crc32, hello4, 1000, 787", "crc32, hello5, 1000, 413", "crc32, hello5, 1, 0",
        "murmur2, hello, 1000, 229", "murmur2, hello2, 1000, 907", "murmur2, hello3, 1000, 759",
        "murmur2, hello4, 1000, 299", "murmur2, hello5, 1000, 841", "murmur2, '', 1000, 681",
        "murmur2, hello5, 1, 0"})
    void kapacitorsHashPartitionerCases(String algorithm, String key, int partitions, int expected) {
        assertEquals(expected, KafkaPartitioner.of(true, algorithm).partition(bytes(key), partitions));
    }

    @Test
    void crc32IsTheDefaultAndDisablingPartitionByIdFallsBackToFnv1a() {
        assertEquals(KafkaPartitioner.CRC32, KafkaPartitioner.of(true, ""));
        assertEquals(KafkaPartitioner.FNV1A, KafkaPartitioner.of(false, "murmur2"));
        assertEquals(KafkaPartitioner.FNV1A, KafkaPartitioner.of(true, "fnv-1a"));
        assertEquals(KafkaPartitioner.MURMUR3, KafkaPartitioner.of(true, "murmur3"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> KafkaPartitioner.of(true, "sha1"));
        assertEquals("invalid partition algorithm: \"sha1\"", e.getMessage());
    }

    @Test
    void hashFunctionsMatchTheirPublishedValues() {
        assertEquals(0x811c9dc5, KafkaPartitioner.fnv1a(bytes("")));
        assertEquals(0xe40c292c, KafkaPartitioner.fnv1a(bytes("a")));
        assertEquals(0xbf9cf968, KafkaPartitioner.fnv1a(bytes("foobar")));
        assertEquals(0, KafkaPartitioner.murmur3(bytes("")));
        assertEquals(0x248bfa47, KafkaPartitioner.murmur3(bytes("hello")));
        assertEquals(0xc0363e43, KafkaPartitioner.murmur3(bytes("Hello, world!")));
    }

    @Test
    void signedHashesGiveANonNegativeRemainderAsSaramaDoes() {
        // fnv-1a("foobar") is negative as a signed 32-bit value: -(h % n), not an unsigned remainder.
        int h = KafkaPartitioner.fnv1a(bytes("foobar"));
        assertEquals(Math.abs(h % 7), KafkaPartitioner.FNV1A.partition(bytes("foobar"), 7));
        assertEquals(-(h % 7), KafkaPartitioner.FNV1A.partition(bytes("foobar"), 7));
    }
}
