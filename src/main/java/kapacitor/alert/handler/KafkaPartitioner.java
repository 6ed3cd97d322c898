package kapacitor.alert.handler;

import org.apache.kafka.common.utils.Utils;

import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * Kapacitor's choice of partition from a message key, so a given alert id lands on the same partition as with
 * Kapacitor. Partitioning by id uses {@code partitionAlgorithm} (crc32 when empty, murmur2, murmur3, fnv-1a); with
 * {@code disablePartitionById} Kapacitor's Kafka client falls back to its default hash partitioner, which is the
 * fnv-1a one, and so does its service test.
 */
enum KafkaPartitioner {
    /** The hash of librdkafka's "consistent" partitioner; an empty key goes to a random partition. */
    CRC32 {
        @Override
        int partition(byte[] key, int partitions) {
            if (key.length == 0) {
                return ThreadLocalRandom.current().nextInt(partitions);
            }
            CRC32 crc = new CRC32();
            crc.update(key);
            return (int) ((crc.getValue() % partitions) & 0x7fffffff);
        }
    },
    /** The Java client's default hash; an empty key is hashed like any other. */
    MURMUR2 {
        @Override
        int partition(byte[] key, int partitions) {
            return (int) ((Utils.murmur2(key) & 0x7fffffffL) % partitions);
        }
    },
    MURMUR3 {
        @Override
        int partition(byte[] key, int partitions) {
            return signedRemainder(murmur3(key), partitions);
        }
    },
    FNV1A {
        @Override
        int partition(byte[] key, int partitions) {
            return signedRemainder(fnv1a(key), partitions);
        }
    };

    abstract int partition(byte[] key, int partitions);

    /**
     * The partitioner for a handler's options.
     *
     * @throws IllegalArgumentException with Kapacitor's message for an unknown algorithm
     */
    static KafkaPartitioner of(boolean byId, String algorithm) {
        if (!byId) {
            return FNV1A;
        }
        switch (algorithm) {
            case "":
            case "crc32":
                return CRC32;
            case "murmur2":
                return MURMUR2;
            case "murmur3":
                return MURMUR3;
            case "fnv-1a":
                return FNV1A;
            default:
                throw new IllegalArgumentException("invalid partition algorithm: \"" + algorithm + "\"");
        }
    }

    /** Sarama's generic hash partitioner: the hash as a signed 32-bit value, remainder made non-negative. */
    private static int signedRemainder(int hash, int partitions) {
        return Math.abs(hash % partitions);
    }

    static int fnv1a(byte[] data) {
        int h = 0x811c9dc5;
        for (byte b : data) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }

    /** MurmurHash3 x86 32-bit with seed 0. */
    static int murmur3(byte[] data) {
        final int c1 = 0xcc9e2d51;
        final int c2 = 0x1b873593;
        int h = 0;
        int blocks = data.length / 4;
        for (int i = 0; i < blocks; i++) {
            int j = i * 4;
            int k = (data[j] & 0xff) | (data[j + 1] & 0xff) << 8 | (data[j + 2] & 0xff) << 16
                | (data[j + 3] & 0xff) << 24;
            k *= c1;
            k = Integer.rotateLeft(k, 15);
            k *= c2;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        int tail = blocks * 4;
        int k = 0;
        switch (data.length & 3) {
            case 3:
                k ^= (data[tail + 2] & 0xff) << 16;
                // fall through
            case 2:
                k ^= (data[tail + 1] & 0xff) << 8;
                // fall through
            case 1:
                k ^= data[tail] & 0xff;
                k *= c1;
                k = Integer.rotateLeft(k, 15);
                k *= c2;
                h ^= k;
                break;
            default:
                break;
        }
        h ^= data.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
