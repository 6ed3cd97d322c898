package kapacitor.runtime.edge;

import kapacitor.model.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of one edge as Kapacitor keeps them: points on a stream edge, batches on a batch edge, and per group the
 * points (a batch counts its points) until the group is deleted. Written on the task's thread; everything is
 * read on the task's thread.
 */
public final class EdgeStats {
    /** One group's count on the edge, with the group's tags and dimensions (Kapacitor's edge.GroupStats). */
    public static final class GroupCount {
        private final String groupId;
        private final Tags tags;
        private final Dimensions dims;
        private long collected;

        GroupCount(String groupId, Tags tags, Dimensions dims) {
            this.groupId = groupId;
            this.tags = tags;
            this.dims = dims;
        }

        public String groupId() {
            return groupId;
        }

        public Tags tags() {
            return tags;
        }

        public Dimensions dims() {
            return dims;
        }

        public long collected() {
            return collected;
        }
    }

    // Read on the task's thread only (stats requests run on the task's context), so a plain field is enough.
    private long collected;
    // Per-group counts cost a map lookup per message: kept only for edges a stats node watches.
    private Map<String, GroupCount> groups;

    /** Counts a point or a batch; control messages are not counted, as in Kapacitor; a delete forgets its group. */
    public void count(Message m) {
        if (m == null) {
            collected++;
            return;
        }
        if (m instanceof DeleteGroupMessage) {
            if (groups != null) {
                groups.remove(m.groupId());
            }
            return;
        }
        if (!m.isData()) {
            return;
        }
        collected++;
        if (groups == null) {
            return;
        }
        GroupCount g = groups.get(m.groupId());
        if (g == null) {
            g = new GroupCount(m.groupId(), m.groupTags(), m.dims());
            groups.put(m.groupId(), g);
        }
        if (m instanceof BatchMessage b) {
            g.collected += b.points().size();
        } else if (m instanceof AggregatedBatch a) {
            g.collected += a.reduction().points();
        } else {
            g.collected++;
        }
    }

    public long collected() {
        return collected;
    }

    /** Counts {@code n} points arriving at a task's source (no groups exist yet there). */
    public void countPoints(int n) {
        collected += n;
    }

    /** True when a stats node needs this edge's per-group counts (every message must then be looked at). */
    public boolean tracksGroups() {
        return groups != null;
    }

    /** Starts counting per group (from now on); a stats node calls this on the edge it watches. */
    public void trackGroups() {
        if (groups == null) {
            groups = new LinkedHashMap<>();
        }
    }

    /** The per-group counts, in order of the groups' first message; on the task's thread only. */
    public List<GroupCount> groups() {
        return groups == null ? List.of() : new ArrayList<>(groups.values());
    }
}
