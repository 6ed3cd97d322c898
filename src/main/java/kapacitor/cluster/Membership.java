package kapacitor.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Context;
import io.vertx.core.Handler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live nodes as sorted Vert.x node ids. In a cluster it follows Hazelcast membership through a
 * {@link MembershipListener} of its own (Vert.x's node listener slot is taken by Vert.x itself) and re-emits every
 * change on the context given to {@link #listen}; standalone it is always {@code {self}}.
 */
public final class Membership {
    /** The member attribute vertx-hazelcast stores the Vert.x node id in. */
    static final String NODE_ID_ATTRIBUTE = "__vertx.nodeId";

    private final String self;
    private final HazelcastInstance hazelcast;
    private volatile List<String> nodes;
    /** One per {@link #listen} (placement and the InfluxDB subscription role both follow membership). */
    private final List<UUID> registrations = new CopyOnWriteArrayList<>();

    private Membership(String self, HazelcastInstance hazelcast, List<String> nodes) {
        this.self = self;
        this.hazelcast = hazelcast;
        this.nodes = nodes;
    }

    public static Membership standalone(String self) {
        return new Membership(self, null, List.of(self));
    }

    public static Membership hazelcast(String self, HazelcastInstance hazelcast) {
        Membership m = new Membership(self, hazelcast, List.of(self));
        m.nodes = m.withSelf(nodeIds(hazelcast.getCluster().getMembers()));
        return m;
    }

    public String self() {
        return self;
    }

    /** The current live nodes, sorted; always contains this node. */
    public List<String> nodes() {
        return nodes;
    }

    /** The live nodes as Hazelcast knows them right now, which {@link #nodes} may not reflect yet. */
    public List<String> current() {
        return hazelcast == null ? nodes : withSelf(nodeIds(hazelcast.getCluster().getMembers()));
    }

    /**
     * Calls {@code onChange} on {@code context} with the new node list after every membership change; the answer
     * stops just this listener.
     */
    public Runnable listen(Context context, Handler<List<String>> onChange) {
        if (hazelcast == null) {
            return () -> { };
        }
        UUID registration = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                changed(event);
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                changed(event);
            }

            private void changed(MembershipEvent event) {
                List<String> next = withSelf(nodeIds(event.getMembers()));
                context.runOnContext(v -> {
                    nodes = next;
                    onChange.handle(next);
                });
            }
        });
        registrations.add(registration);
        // A change between hazelcast(...) and the registration would otherwise go unnoticed.
        List<String> now = withSelf(nodeIds(hazelcast.getCluster().getMembers()));
        context.runOnContext(v -> {
            if (!now.equals(nodes)) {
                nodes = now;
                onChange.handle(now);
            }
        });
        return () -> remove(registration);
    }

    /** Stops every listener. */
    public void close() {
        registrations.forEach(this::remove);
    }

    private void remove(UUID registration) {
        if (registrations.remove(registration) && hazelcast.getLifecycleService().isRunning()) {
            hazelcast.getCluster().removeMembershipListener(registration);
        }
    }

    private List<String> withSelf(List<String> ids) {
        if (!ids.contains(self)) {
            List<String> all = new ArrayList<>(ids);
            all.add(self);
            all.sort(null);
            return List.copyOf(all);
        }
        return ids;
    }

    private static List<String> nodeIds(Collection<Member> members) {
        List<String> ids = new ArrayList<>();
        for (Member m : members) {
            String id = m.getAttribute(NODE_ID_ATTRIBUTE);
            ids.add(id != null ? id : m.getUuid().toString());
        }
        ids.sort(null);
        return List.copyOf(ids);
    }
}
