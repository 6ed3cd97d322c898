package kapacitor.service.alert;

import io.vertx.core.Future;
import kapacitor.alert.EventState;
import kapacitor.alert.Topics;
import kapacitor.store.EventStateRecord;
import kapacitor.store.Store;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Loads topics' event states from the store into a node's {@link Topics}, replacing what the node held. */
public final class StoredTopics {
    private StoredTopics() {
    }

    /** The anonymous topics of a task are named {@code main:<task>:<node>}. */
    public static String taskPrefix(String taskId) {
        return "main:" + taskId + ":";
    }

    /** The task an anonymous topic belongs to, or null for a named topic (task ids never contain ':'). */
    public static String taskOf(String topic) {
        if (!topic.startsWith("main:")) {
            return null;
        }
        int end = topic.indexOf(':', 5);
        return end < 0 ? null : topic.substring(5, end);
    }

    /**
     * Restores every stored topic {@code which} accepts. With {@code dropStale}, a topic this node holds that the
     * store no longer has is emptied too: the node held it earlier and another node has changed it since.
     */
    public static Future<Void> restore(Store store, Topics topics, Predicate<String> which, boolean dropStale) {
        return store.eventStates().topics().compose(stored -> {
            Set<String> names = new TreeSet<>();
            stored.stream().filter(which).forEach(names::add);
            if (dropStale) {
                topics.topicIds().stream().filter(which).forEach(names::add);
            }
            Future<Void> chain = Future.succeededFuture();
            for (String topic : names) {
                chain = chain.compose(v -> store.eventStates().listByTopic(topic).map(records -> {
                    Map<String, EventState> states = new HashMap<>();
                    for (EventStateRecord r : records) {
                        states.put(r.eventId(), EventState.fromData(r.eventId(), r.level(), r.data()));
                    }
                    topics.restore(topic, states);
                    return null;
                }));
            }
            return chain;
        });
    }
}
