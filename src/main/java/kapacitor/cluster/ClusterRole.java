package kapacitor.cluster;

import io.vertx.core.Context;
import io.vertx.core.Handler;

/**
 * A job exactly one live node of the cluster does (say, keeping the InfluxDB subscriptions pointed at itself): the
 * rendezvous owner of the role's key among the members. Every node computes the same holder from the same
 * membership, so no election or lock is needed; when the holder dies the survivors agree on the next one as soon
 * as Hazelcast drops it. Standalone, this server always holds the role.
 */
public final class ClusterRole {
    private final Membership membership;
    private final String key;
    private Runnable stopListening = () -> { };

    ClusterRole(Membership membership, String key) {
        this.membership = membership;
        this.key = key;
    }

    public static ClusterRole standalone(String self, String key) {
        return new ClusterRole(Membership.standalone(self), key);
    }

    public String self() {
        return membership.self();
    }

    /** The node holding the role in this node's current view of the members. */
    public String holder() {
        return Rendezvous.owner(key, membership.nodes());
    }

    public boolean heldHere() {
        return self().equals(holder());
    }

    /**
     * Calls {@code onChange} on {@code context} with whether this node holds the role after every membership change
     * that moves it to or from this node (relative to {@link #heldHere} when this is called).
     */
    public void listen(Context context, Handler<Boolean> onChange) {
        boolean[] held = {heldHere()};
        Handler<java.util.List<String>> check = nodes -> {
            boolean now = self().equals(Rendezvous.owner(key, nodes));
            if (now != held[0]) {
                held[0] = now;
                onChange.handle(now);
            }
        };
        stopListening = membership.listen(context, check);
        // Straight from Hazelcast: a change another listener already applied would not be reported to this one.
        context.runOnContext(v -> check.handle(membership.current()));
    }

    public void close() {
        stopListening.run();
    }
}
