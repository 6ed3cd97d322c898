package kapacitor.runtime.ingest;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import kapacitor.app.LocalCodec;
import kapacitor.lineprotocol.LineProtocolWriter;
import kapacitor.lineprotocol.Precision;
import kapacitor.model.Point;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands parsed points to the tasks that want them: one {@link Frame} per (request, task), sent on the event bus with
 * the zero-copy codec. Called on whichever thread parsed the body; reads an immutable {@link RoutingTable} snapshot.
 *
 * <p>In a cluster, points that tasks on other nodes want are written back to line protocol once per (request, node)
 * and sent as one {@link io.vertx.core.buffer.Buffer} to that node's ingest address (headers {@code db}, {@code rp}),
 * where {@link #routeLocal} hands them to the local tasks.
 */
public final class IngestRouter {
    private static final DeliveryOptions LOCAL = LocalCodec.DELIVERY;

    private final EventBus bus;
    private final IngestStats stats;
    private volatile RoutingTable table = RoutingTable.EMPTY;
    private volatile RemoteTable remote = RemoteTable.EMPTY;
    private static final ThreadLocal<LineProtocolWriter> WRITERS =
        ThreadLocal.withInitial(() -> new LineProtocolWriter(8192));

    /** Sees every point routed on this node, whether or not a task wants it (stream recordings). */
    @FunctionalInterface
    public interface PointListener {
        /** Called on the ingest thread; must not block and must not keep {@code points} beyond the call. */
        void onPoints(String db, String rp, List<Point> points);
    }

    private final List<PointListener> listeners = new CopyOnWriteArrayList<>();

    public IngestRouter(EventBus bus, IngestStats stats) {
        this.bus = bus;
        this.stats = stats;
    }

    public void addListener(PointListener listener) {
        listeners.add(listener);
    }

    public void removeListener(PointListener listener) {
        listeners.remove(listener);
    }

    /**
     * Hands {@code points} to one inbox outside the routing table (a replay feeding its task copy); false, and nothing
     * sent, when the inbox has no credit left, so the caller can retry later instead of losing points.
     */
    public boolean offer(TaskInbox inbox, String db, String rp, List<Point> points) {
        if (!inbox.tryAcquire()) {
            return false;
        }
        bus.send(inbox.address(), new Frame(db, rp, points, inbox), LOCAL);
        return true;
    }

    public void install(RoutingTable newTable) {
        this.table = newTable;
    }

    public void installRemote(RemoteTable newRemote) {
        this.remote = newRemote;
    }

    public RemoteTable remote() {
        return remote;
    }

    public RoutingTable table() {
        return table;
    }

    public IngestStats stats() {
        return stats;
    }

    /**
     * Whether {@link #route} would hand points of {@code (db, rp)} to anyone: a task here or on another node, or a
     * recording. When not, the write path only validates the body instead of building points nobody reads.
     */
    public boolean wants(String db, String rp) {
        return !listeners.isEmpty() || table.targets(db, rp).length > 0 || remote.targets(db, rp).length > 0;
    }

    /**
     * Routes points of one request to the tasks of this node and of the other cluster nodes; {@code points} must not
     * change afterwards (it may be shared by frames).
     */
    public void route(String db, String rp, List<Point> points) {
        if (points.isEmpty()) {
            return;
        }
        routeLocal(db, rp, points);
        RemoteTable.Target[] nodes = remote.targets(db, rp);
        for (RemoteTable.Target node : nodes) {
            sendRemote(db, rp, points, node);
        }
    }

    /** Routes points only to the tasks of this node (points that another node already routed here). */
    public void routeLocal(String db, String rp, List<Point> points) {
        if (points.isEmpty()) {
            return;
        }
        for (PointListener l : listeners) {
            l.onPoints(db, rp, points);
        }
        RoutingTable.Target[] targets = table.targets(db, rp);
        // Tasks reading the same measurements share one filtered list: with many alike tasks the filtering must
        // not cost a pass over the points per task.
        java.util.Set<String> lastSet = null;
        List<Point> lastWanted = null;
        for (RoutingTable.Target target : targets) {
            List<Point> wanted;
            if (target.wantsAll()) {
                wanted = points;
            } else if (target.measurements().equals(lastSet)) {
                wanted = lastWanted;
            } else {
                wanted = filter(points, target);
                lastSet = target.measurements();
                lastWanted = wanted;
            }
            if (wanted.isEmpty()) {
                continue;
            }
            TaskInbox inbox = target.inbox();
            if (!inbox.tryAcquire()) {
                inbox.dropped(wanted.size());
                stats.pointsDropped.add(wanted.size());
                continue;
            }
            bus.send(inbox.address(), new Frame(db, rp, wanted, inbox), LOCAL);
            stats.framesSent.increment();
        }
    }

    private void sendRemote(String db, String rp, List<Point> points, RemoteTable.Target node) {
        List<Point> wanted = node.wantsAll() ? points : filter(points, node.measurements());
        if (wanted.isEmpty()) {
            return;
        }
        LineProtocolWriter writer = WRITERS.get();
        writer.reset();
        int written = 0;
        for (Point p : wanted) {
            try {
                writer.append(p, Precision.NANOSECONDS);
                written++;
            } catch (IllegalArgumentException unwritable) {
                // A point line protocol cannot carry (NaN field) cannot have come from line protocol either.
                stats.pointsDropped.increment();
            }
        }
        if (written == 0) {
            return;
        }
        DeliveryOptions headers = new DeliveryOptions().addHeader("db", db).addHeader("rp", rp);
        bus.send(node.address(), writer.toBuffer(), headers);
        stats.remoteFramesSent.increment();
        stats.remotePointsSent.add(written);
    }

    private static List<Point> filter(List<Point> points, RoutingTable.Target target) {
        return filter(points, target.measurements());
    }

    /** The points of {@code measurements}; the list itself when all are (no copy). */
    private static List<Point> filter(List<Point> points, java.util.Set<String> measurements) {
        int first = 0;
        while (first < points.size() && measurements.contains(points.get(first).name())) {
            first++;
        }
        if (first == points.size()) {
            return points;
        }
        List<Point> out = first == 0 ? null : new ArrayList<>(points.subList(0, first));
        for (int i = first; i < points.size(); i++) {
            Point p = points.get(i);
            if (measurements.contains(p.name())) {
                if (out == null) {
                    out = new ArrayList<>(points.size() - i);
                }
                out.add(p);
            }
        }
        return out == null ? List.of() : out;
    }
}
