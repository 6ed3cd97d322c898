package kapacitor.alert;

import kapacitor.model.Tags;

import java.util.Map;

/**
 * Kapacitor's alert.Inhibitor: while set, alerts of its category whose tags match its tags are not triggered.
 * Set from a task thread, read from others.
 */
public final class Inhibitor {
    private final String category;
    private final Map<String, String> tags;
    private volatile boolean inhibited;

    public Inhibitor(String category, Map<String, String> tags) {
        this.category = category;
        this.tags = Map.copyOf(tags);
    }

    public String category() {
        return category;
    }

    public void set(boolean value) {
        inhibited = value;
    }

    public boolean isInhibited(String cat, Tags t) {
        if (!inhibited || !category.equals(cat)) {
            return false;
        }
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String v = t.get(e.getKey());
            if (!e.getValue().equals(v == null ? "" : v)) {
                return false;
            }
        }
        return true;
    }
}
