package kapacitor.store;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Task snapshots and leases: the epoch decides who may write. */
public interface ClusterRepositoriesContract extends StoreTest {

    @Test
    default void snapshotsKeepBytesAndRefuseOlderEpochs() {
        byte[] bytes = {0, 1, 2, (byte) 255, 10, 13};
        await(store().snapshots().put(new SnapshotRecord("cpu", 1, Buffer.buffer(bytes))));
        await(store().snapshots().put(new SnapshotRecord("cpu", 2, Buffer.buffer(bytes).appendString("x"))));
        SnapshotRecord read = await(store().snapshots().get("cpu"));
        assertEquals(2, read.epoch());
        assertEquals(Buffer.buffer(bytes).appendString("x"), read.bytes());

        assertInstanceOf(StaleEpochException.class,
            failure(store().snapshots().put(new SnapshotRecord("cpu", 1, Buffer.buffer("old")))));
        assertEquals(2, await(store().snapshots().get("cpu")).epoch());
        assertTrue(await(store().snapshots().delete("cpu")));
        assertEquals("no snapshot exists", failure(store().snapshots().get("cpu")).getMessage());
    }

    @Test
    default void leaseTakeOverIsACompareAndSetOnTheEpoch() {
        LeaseRecord first = await(store().leases().acquire("cpu", "node-a", 100));
        assertEquals(1, first.epoch());
        assertInstanceOf(DuplicateKeyException.class, failure(store().leases().acquire("cpu", "node-b", 101)));

        LeaseRecord taken = await(store().leases().takeOver("cpu", 1, "node-b", 200));
        assertEquals(new LeaseRecord("cpu", "node-b", 2, 200), taken);
        assertEquals(taken, await(store().leases().get("cpu")));
        // A second node acting on the same stale observation loses.
        assertInstanceOf(StaleEpochException.class, failure(store().leases().takeOver("cpu", 1, "node-c", 201)));
        assertInstanceOf(NotFoundException.class, failure(store().leases().takeOver("mem", 1, "node-c", 201)));
    }

    @Test
    default void renewAllAndRelease() {
        await(store().leases().acquire("a", "n1", 1));
        await(store().leases().acquire("b", "n1", 1));
        await(store().leases().acquire("c", "n2", 1));
        assertEquals(2, await(store().leases().renewAll("n1", 50)));
        assertEquals(List.of(50L, 50L, 1L), await(store().leases().listAll()).stream()
            .map(LeaseRecord::renewedAt).collect(java.util.stream.Collectors.toList()));
        assertFalse(await(store().leases().release("a", "n2")));
        assertTrue(await(store().leases().release("a", "n1")));
        // A released lease keeps its row and epoch, with no holder; the next owner takes it at the next epoch.
        LeaseRecord released = await(store().leases().get("a"));
        assertEquals("", released.nodeId());
        assertEquals(released.epoch() + 1, await(store().leases().takeOver("a", released.epoch(), "n3", 60)).epoch());
        assertEquals(3, await(store().leases().listAll()).size());
        assertTrue(await(store().leases().delete("a", "n3")));
        assertEquals(2, await(store().leases().listAll()).size());
    }

    @Test
    default void aClusterSettingKeepsTheFirstValueStoredEvenUnderConcurrentClaims() {
        String name = "setting-" + java.util.UUID.randomUUID();
        List<io.vertx.core.Future<String>> racing = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            racing.add(store().clusterSettings().claim(name, "proposal-" + i));
        }
        await(io.vertx.core.Future.join(racing));
        String winner = racing.get(0).result();
        assertTrue(winner.startsWith("proposal-"), winner);
        for (io.vertx.core.Future<String> f : racing) {
            assertEquals(winner, f.result());
        }
        assertEquals(winner, await(store().clusterSettings().claim(name, "later")));
    }
}
