package kapacitor.cluster;

import kapacitor.store.LeaseRecord;

import java.util.List;
import java.util.Map;

/**
 * What one node knows about the cluster after its last reconcile: live members, their HTTP addresses, the task
 * leases (who runs what, at which epoch). Immutable.
 */
public record ClusterView(String self, List<String> members, Map<String, String> httpAddresses,
                          List<LeaseRecord> leases) {
}
