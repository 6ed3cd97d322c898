package kapacitor.runtime.ingest;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import kapacitor.app.LocalCodec;
import kapacitor.model.Point;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands parsed points to the tasks that want them: one {@link Frame} per (request, task), sent on the event bus with
 * the zero-copy codec. Called on whichever thread parsed the body; reads an immutable {@link RoutingTable} snapshot.
 */
public final class IngestRouter {
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setCodecName(LocalCodec.NAME);

    private final EventBus bus;
    private final IngestStats stats;
    private volatile RoutingTable table = RoutingTable.EMPTY;

    public IngestRouter(EventBus bus, IngestStats stats) {
        this.bus = bus;
        this.stats = stats;
    }

    public void install(RoutingTable newTable) {
        this.table = newTable;
    }

    public RoutingTable table() {
        return table;
    }

    public IngestStats stats() {
        return stats;
    }

    /** Routes points of one request; {@code points} must not change afterwards (it may be shared by frames). */
    public void route(String db, String rp, List<Point> points) {
        if (points.isEmpty()) {
            return;
        }
        RoutingTable.Target[] targets = table.targets(db, rp);
        for (RoutingTable.Target target : targets) {
            List<Point> wanted = target.wantsAll() ? points : filter(points, target);
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

    private static List<Point> filter(List<Point> points, RoutingTable.Target target) {
        List<Point> out = null;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (target.measurements().contains(p.name())) {
                if (out == null) {
                    out = new ArrayList<>(points.size() - i);
                }
                out.add(p);
            }
        }
        return out == null ? List.of() : out;
    }
}
