package kapacitor.service.alert;

import kapacitor.util.GoQuote;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.EventState;
import kapacitor.alert.Topic;
import kapacitor.alert.Topics;
import kapacitor.alert.handler.AlertHandler;
import kapacitor.api.ApiException;
import kapacitor.api.Json;
import kapacitor.app.Addresses;
import kapacitor.app.Replies;
import kapacitor.service.alert.AlertCommands.Command;
import kapacitor.service.alert.AlertCommands.CreateHandler;
import kapacitor.service.alert.AlertCommands.DeleteHandler;
import kapacitor.service.alert.AlertCommands.DeleteTopic;
import kapacitor.service.alert.AlertCommands.EventInfo;
import kapacitor.service.alert.AlertCommands.GetEvent;
import kapacitor.service.alert.AlertCommands.GetHandler;
import kapacitor.service.alert.AlertCommands.GetTopic;
import kapacitor.service.alert.AlertCommands.ListEvents;
import kapacitor.service.alert.AlertCommands.ListHandlers;
import kapacitor.service.alert.AlertCommands.ListTopics;
import kapacitor.service.alert.AlertCommands.PatchHandler;
import kapacitor.service.alert.AlertCommands.ReplaceHandler;
import kapacitor.service.alert.AlertCommands.Reply;
import kapacitor.service.alert.AlertCommands.TopicInfo;
import kapacitor.store.HandlerSpecRecord;
import kapacitor.store.Store;
import kapacitor.util.Glob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alert service of this node (Kapacitor's services/alert): restores the stored event states into the node's
 * {@link Topics} and writes changes back, keeps the API handler specs (stored, registered on their topics at start)
 * and answers the alert API's commands. Everything runs on this verticle's context; its handlers run there too.
 * Deploy it before the task manager, so restored states are in place before any alert node starts.
 */
public final class AlertManagerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(AlertManagerVerticle.class);

    private record Registered(HandlerSpec spec, long version, AlertHandler handler) {
    }

    private final Store store;
    private final Map<String, Map<String, Registered>> handlers = new HashMap<>();
    private Topics topics;
    private HandlerFactory factory;
    private EventStateWriter writer;
    /** Cluster mode only (null standalone). */
    private AlertCluster cluster;
    private ClusterTopicQueries queries;

    public AlertManagerVerticle(Store store) {
        this.store = store;
    }

    @Override
    public Future<?> start() {
        topics = Topics.of(vertx);
        factory = new HandlerFactory(vertx, topics);
        writer = new EventStateWriter(store, context);
        cluster = AlertCluster.of(vertx, store, topics);
        return restoreStates()
            .compose(v -> loadHandlerSpecs())
            .compose(v -> {
                topics.stateSink(writer);
                vertx.eventBus().<Command>localConsumer(Addresses.ALERTS_COMMAND,
                    msg -> Replies.reply(msg, command(msg.body()).map(Reply::new)));
                vertx.eventBus().<String>localConsumer(Addresses.TASKS_DELETED, this::taskDeleted);
                return cluster == null ? Future.succeededFuture() : joinCluster();
            });
    }

    /** Cluster mode: topics live on their owners, which answer for them; handler specs follow the store. */
    private Future<?> joinCluster() {
        queries = new ClusterTopicQueries(vertx, cluster, topics, this::handle);
        topics.router(cluster);
        cluster.listen(context);
        var alerts = vertx.eventBus().<JsonObject>consumer(AlertCluster.nodeAlerts(cluster.self()), queries::answer);
        var changed = vertx.eventBus().<JsonObject>consumer(AlertCluster.CHANGED, this::clusterChanged);
        return Future.all(alerts.completion(), changed.completion());
    }

    private Future<Object> command(Command c) {
        if (queries != null && ClusterTopicQueries.routed(c)) {
            return queries.ask(c);
        }
        Future<Object> result = handle(c);
        if (cluster != null && !(c instanceof ListHandlers) && !(c instanceof GetHandler)) {
            // Other nodes reload the specs; the topic's owner is the one whose handlers will run.
            result = result.onSuccess(v -> publishChanged(new JsonObject().put("op", "handlers")));
        }
        return result;
    }

    private void publishChanged(JsonObject body) {
        vertx.eventBus().publish(AlertCluster.CHANGED, body.put("node", cluster.self()));
    }

    private void clusterChanged(Message<JsonObject> msg) {
        JsonObject body = msg.body();
        if (cluster.self().equals(body.getString("node"))) {
            return;
        }
        if ("task-deleted".equals(body.getString("op"))) {
            deleteTaskTopics(body.getString("task", ""));
        } else {
            reloadHandlerSpecs().onFailure(e -> LOG.error("msg=\"failed to reload handler specs\" error=\"{}\"",
                e.getMessage()));
        }
    }

    @Override
    public Future<?> stop() {
        if (cluster != null) {
            topics.router(null);
            cluster.close();
        }
        topics.stateSink(null);
        handlers.forEach((topic, byId) -> byId.values().forEach(r -> topics.deregisterHandler(topic, r.handler())));
        handlers.clear();
        return writer.flush();
    }

    private Future<Void> restoreStates() {
        return StoredTopics.restore(store, topics, t -> true, false);
    }

    private Future<Void> loadHandlerSpecs() {
        return store.handlerSpecs().listAll().map(records -> {
            records.forEach(this::load);
            return null;
        });
    }

    private void load(HandlerSpecRecord r) {
        HandlerSpec spec = HandlerSpec.fromRecord(r);
        try {
            register(spec, r.version(), factory.create(spec));
        } catch (RuntimeException e) {
            LOG.error("msg=\"failed to load handler\" topic={} handler={} error=\"{}\"", spec.topic(),
                spec.id(), e.getMessage());
        }
    }

    /** Brings the registered handlers in line with the stored specs another node changed. */
    private Future<Void> reloadHandlerSpecs() {
        return store.handlerSpecs().listAll().map(records -> {
            Map<String, Map<String, HandlerSpecRecord>> stored = new HashMap<>();
            records.forEach(r -> stored.computeIfAbsent(r.topic(), k -> new HashMap<>()).put(r.id(), r));
            handlers.forEach((topic, byId) -> byId.values().removeIf(reg -> {
                HandlerSpecRecord r = stored.getOrDefault(topic, Map.of()).get(reg.spec().id());
                if (r != null && r.version() == reg.version()) {
                    return false;
                }
                topics.deregisterHandler(topic, reg.handler());
                return true;
            }));
            for (HandlerSpecRecord r : records) {
                if (!handlers.getOrDefault(r.topic(), Map.of()).containsKey(r.id())) {
                    load(r);
                }
            }
            return null;
        });
    }

    private void register(HandlerSpec spec, long version, AlertHandler h) {
        handlers.computeIfAbsent(spec.topic(), k -> new HashMap<>()).put(spec.id(), new Registered(spec, version, h));
        topics.registerHandler(spec.topic(), h);
    }

    private Future<Object> handle(Command c) {
        try {
            if (c instanceof ListTopics l) {
                return Future.succeededFuture(listTopics(l));
            }
            if (c instanceof GetTopic g) {
                return Future.succeededFuture(getTopic(g.topic()));
            }
            if (c instanceof DeleteTopic d) {
                deleteTopic(d.topic());
                return Future.succeededFuture();
            }
            if (c instanceof ListEvents l) {
                return Future.succeededFuture(listEvents(l));
            }
            if (c instanceof GetEvent g) {
                return Future.succeededFuture(getEvent(g));
            }
            if (c instanceof ListHandlers l) {
                return Future.succeededFuture(listHandlers(l));
            }
            if (c instanceof GetHandler g) {
                return Future.succeededFuture(existing(g.topic(), g.handlerId()).spec());
            }
            if (c instanceof CreateHandler cr) {
                return create(cr.spec()).map(s -> s);
            }
            if (c instanceof ReplaceHandler r) {
                return update(existing(r.spec().topic(), r.handlerId()), r.spec()).map(s -> s);
            }
            if (c instanceof PatchHandler p) {
                return patch(p).map(s -> s);
            }
            if (c instanceof DeleteHandler d) {
                return deleteHandler(d.topic(), d.handlerId()).map(v -> null);
            }
            return Future.failedFuture(new IllegalStateException("unknown alert command " + c));
        } catch (ApiException e) {
            return Future.failedFuture(e);
        }
    }

    private List<TopicInfo> listTopics(ListTopics l) {
        List<TopicInfo> out = new ArrayList<>();
        topics.topics(l.pattern(), l.minLevel()).values().forEach(t -> out.add(info(t)));
        return out;
    }

    private static TopicInfo info(Topic t) {
        return new TopicInfo(t.id(), t.maxLevel(), t.collected());
    }

    private TopicInfo getTopic(String id) {
        Topic t = topics.topic(id);
        if (t == null) {
            throw new ApiException(404, "unknown topic: " + GoQuote.quote(id));
        }
        return info(t);
    }

    /** Deletes the topic and its stored states; API handlers stay defined and are attached to the topic anew. */
    private void deleteTopic(String id) {
        topics.deleteTopic(id);
        Map<String, Registered> byId = handlers.get(id);
        if (byId == null) {
            return;
        }
        for (Registered r : new ArrayList<>(byId.values())) {
            try {
                register(r.spec(), r.version(), factory.create(r.spec()));
            } catch (RuntimeException e) {
                byId.remove(r.spec().id());
                LOG.error("msg=\"failed to re-create handler\" topic={} handler={} error=\"{}\"", id, r.spec().id(),
                    e.getMessage());
            }
        }
    }

    private List<EventInfo> listEvents(ListEvents l) {
        Topic t = topics.topic(l.topic());
        if (t == null) {
            throw new ApiException(500, "failed to get topic events: unknown topic " + GoQuote.quote(l.topic()));
        }
        List<EventInfo> out = new ArrayList<>();
        t.eventStates(l.minLevel()).forEach((id, s) -> out.add(new EventInfo(id, s)));
        return out;
    }

    private EventInfo getEvent(GetEvent g) {
        EventState s = topics.eventState(g.topic(), g.eventId());
        if (s == null) {
            throw new ApiException(404, "unknown event " + GoQuote.quote(g.eventId()) + " in topic "
                + GoQuote.quote(g.topic()));
        }
        return new EventInfo(g.eventId(), s);
    }

    private List<HandlerSpec> listHandlers(ListHandlers l) {
        Map<String, HandlerSpec> sorted = new TreeMap<>();
        handlers.getOrDefault(l.topic(), Map.of()).forEach((id, r) -> {
            if (Glob.matchesOrEmpty(l.pattern(), id)) {
                sorted.put(id, r.spec());
            }
        });
        return new ArrayList<>(sorted.values());
    }

    private Registered existing(String topic, String id) {
        Registered r = handlers.getOrDefault(topic, Map.of()).get(id);
        if (r == null) {
            throw new ApiException(404, "unknown handler: " + GoQuote.quote(id));
        }
        return r;
    }

    private static void validate(HandlerSpec spec) {
        try {
            spec.validate();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid handler spec: " + e.getMessage());
        }
    }

    private AlertHandler build(HandlerSpec spec, String failure) {
        try {
            return factory.create(spec);
        } catch (RuntimeException e) {
            throw new ApiException(500, failure + e.getMessage());
        }
    }

    private Future<HandlerSpec> create(HandlerSpec spec) {
        validate(spec);
        String failure = "failed to create handler: ";
        if (handlers.getOrDefault(spec.topic(), Map.of()).containsKey(spec.id())) {
            throw new ApiException(500, failure + "cannot register handler, handler with ID "
                + GoQuote.quote(spec.id()) + " already exists");
        }
        AlertHandler h = build(spec, failure);
        return store.handlerSpecs().create(spec.toRecord(1))
            .map(saved -> {
                register(spec, saved.version(), h);
                return spec;
            })
            .recover(e -> {
                h.close();
                return Future.failedFuture(new ApiException(500, failure + e.getMessage()));
            });
    }

    private Future<HandlerSpec> update(Registered old, HandlerSpec spec) {
        validate(spec);
        String failure = "failed to update handler: ";
        if (!spec.topic().equals(old.spec().topic())) {
            throw new ApiException(500, failure + "cannot change topic in update");
        }
        AlertHandler h = build(spec, failure);
        Future<HandlerSpecRecord> saved;
        if (spec.id().equals(old.spec().id())) {
            saved = store.handlerSpecs().update(spec.toRecord(old.version()));
        } else {
            saved = store.handlerSpecs().create(spec.toRecord(1))
                .compose(r -> store.handlerSpecs().delete(old.spec().topic(), old.spec().id()).map(r));
        }
        return saved
            .map(r -> {
                handlers.get(old.spec().topic()).remove(old.spec().id());
                topics.deregisterHandler(old.spec().topic(), old.handler());
                register(spec, r.version(), h);
                return spec;
            })
            .recover(e -> {
                h.close();
                return Future.failedFuture(new ApiException(500, failure + e.getMessage()));
            });
    }

    private Future<HandlerSpec> patch(PatchHandler p) {
        Registered old = existing(p.topic(), p.handlerId());
        JsonNode patched;
        try {
            patched = p.patch().apply(Json.MAPPER.valueToTree(specDocument(old.spec())));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "failed to apply patch: " + e.getMessage());
        }
        HandlerSpec spec;
        try {
            spec = HandlerSpecJson.decode(patched, p.topic(), true);
        } catch (IllegalArgumentException e) {
            throw new ApiException(500, "failed to unmarshal patched json: " + e.getMessage());
        }
        return update(old, spec);
    }

    /** The spec as Kapacitor marshals it before patching (its field order). */
    private static Map<String, Object> specDocument(HandlerSpec s) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", s.id());
        doc.put("topic", s.topic());
        doc.put("kind", s.kind());
        doc.put("options", s.options());
        doc.put("match", s.match());
        return doc;
    }

    private Future<Void> deleteHandler(String topic, String id) {
        Registered r = handlers.getOrDefault(topic, Map.of()).get(id);
        if (r == null) {
            return Future.succeededFuture();
        }
        return store.handlerSpecs().delete(topic, id)
            .map(deleted -> {
                handlers.get(topic).remove(id);
                topics.deregisterHandler(topic, r.handler());
                return (Void) null;
            })
            .recover(e -> Future.failedFuture(new ApiException(500, "failed to delete handler: " + e.getMessage())));
    }

    /** Kapacitor's delete hook: a deleted task's anonymous topics go, with their stored states. */
    private void taskDeleted(Message<String> msg) {
        deleteTaskTopics(msg.body());
        if (cluster != null) {
            // The node that ran the task holds its topics in memory too.
            publishChanged(new JsonObject().put("op", "task-deleted").put("task", msg.body()));
        }
    }

    private void deleteTaskTopics(String taskId) {
        String prefix = StoredTopics.taskPrefix(taskId);
        for (String topic : topics.topicIds()) {
            if (topic.startsWith(prefix)) {
                topics.deleteTopic(topic);
            }
        }
    }
}
