package kapacitor.runtime.operator;

import kapacitor.model.Tags;
import kapacitor.pipeline.Star;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Group-by dimension lists as Kapacitor resolves them: explicit names sorted, {@code *} meaning every tag. */
record TagNames(boolean all, List<String> names, Set<String> excluded) {

    static TagNames of(List<Object> dimensions, List<Object> excluded) {
        boolean all = false;
        List<String> names = new ArrayList<>();
        for (Object d : dimensions) {
            if (d instanceof String s) {
                names.add(s);
            } else if (d == Star.INSTANCE) {
                all = true;
            }
        }
        Set<String> ex = Set.copyOf(excluded.stream().map(String::valueOf).toList());
        names.sort(null);
        names.removeIf(ex::contains);
        return new TagNames(all, List.copyOf(names), ex);
    }

    /** The dimension tag names for a point with these tags. */
    List<String> resolve(Tags tags) {
        if (!all) {
            return names;
        }
        List<String> keys = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            if (!excluded.contains(tags.key(i))) {
                keys.add(tags.key(i));
            }
        }
        return keys;
    }
}
