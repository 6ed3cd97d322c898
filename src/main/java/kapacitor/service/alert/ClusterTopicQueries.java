package kapacitor.service.alert;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.alert.Level;
import kapacitor.alert.Topics;
import kapacitor.api.ApiException;
import kapacitor.service.alert.AlertCommands.Command;
import kapacitor.service.alert.AlertCommands.DeleteTopic;
import kapacitor.service.alert.AlertCommands.EventInfo;
import kapacitor.service.alert.AlertCommands.GetEvent;
import kapacitor.service.alert.AlertCommands.GetTopic;
import kapacitor.service.alert.AlertCommands.ListEvents;
import kapacitor.service.alert.AlertCommands.ListTopics;
import kapacitor.service.alert.AlertCommands.TopicInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The alert API's topic commands in a cluster: each is answered by the topic's owner, so every node gives the same
 * answer. A topic listing asks every node for its topics and keeps, for each topic, the owner's entry. Also answers
 * the other nodes' requests on this node's {@code kapacitor.node.<id>.alerts} address.
 */
final class ClusterTopicQueries {
    private final Vertx vertx;
    private final AlertCluster cluster;
    private final Topics topics;
    /** This node's own answer to a command, from its own topics. */
    private final Function<Command, Future<Object>> local;

    ClusterTopicQueries(Vertx vertx, AlertCluster cluster, Topics topics, Function<Command, Future<Object>> local) {
        this.vertx = vertx;
        this.cluster = cluster;
        this.topics = topics;
        this.local = local;
    }

    static boolean routed(Command c) {
        return c instanceof ListTopics || c instanceof GetTopic || c instanceof DeleteTopic
            || c instanceof ListEvents || c instanceof GetEvent;
    }

    /** Answers a topic command from the owner of its topic (or from every node, for a listing). */
    Future<Object> ask(Command c) {
        if (c instanceof ListTopics l) {
            return listTopics(l).map(list -> list);
        }
        String topic = topicOf(c);
        return cluster.owners().compose(owners -> {
            String owner = owners.apply(topic);
            if (owner == null || owner.equals(cluster.self())) {
                return local.apply(c);
            }
            return vertx.eventBus().<Object>request(AlertCluster.nodeAlerts(owner), toJson(c), AlertCluster.REQUEST)
                .map(reply -> fromReply(c, reply.body()));
        });
    }

    private Future<List<TopicInfo>> listTopics(ListTopics l) {
        List<String> nodes = cluster.members();
        Map<String, Future<Object>> answers = new HashMap<>();
        for (String node : nodes) {
            Future<Object> answer = node.equals(cluster.self()) ? local.apply(l)
                .map(list -> {
                    JsonArray a = new JsonArray();
                    @SuppressWarnings("unchecked")
                    List<TopicInfo> infos = (List<TopicInfo>) list;
                    infos.forEach(t -> a.add(AlertWire.topic(t)));
                    return a;
                })
                : vertx.eventBus().request(AlertCluster.nodeAlerts(node), toJson(l), AlertCluster.REQUEST)
                    .map(reply -> reply.body());
            answers.put(node, answer);
        }
        Future<UnaryOperator<String>> owners = cluster.owners();
        List<Future<?>> all = new ArrayList<>(answers.values());
        all.add(owners);
        // A node that does not answer (just died) lists nothing; its topics come back once their new owner has them.
        return Future.join(all).transform(ignored -> {
            if (owners.failed()) {
                return Future.failedFuture(owners.cause());
            }
            Map<String, TopicInfo> out = new TreeMap<>();
            answers.forEach((node, answer) -> {
                if (answer.succeeded()) {
                    for (Object o : (JsonArray) answer.result()) {
                        TopicInfo t = AlertWire.topic((JsonObject) o);
                        if (node.equals(owners.result().apply(t.id()))) {
                            out.put(t.id(), t);
                        }
                    }
                }
            });
            return Future.succeededFuture(new ArrayList<>(out.values()));
        });
    }

    private static String topicOf(Command c) {
        if (c instanceof GetTopic g) {
            return g.topic();
        }
        if (c instanceof DeleteTopic d) {
            return d.topic();
        }
        if (c instanceof ListEvents l) {
            return l.topic();
        }
        return ((GetEvent) c).topic();
    }

    private static JsonObject toJson(Command c) {
        if (c instanceof ListTopics l) {
            return new JsonObject().put("op", "topics").put("pattern", l.pattern()).put("min", l.minLevel().name());
        }
        if (c instanceof GetTopic g) {
            return new JsonObject().put("op", "topic").put("topic", g.topic());
        }
        if (c instanceof DeleteTopic d) {
            return new JsonObject().put("op", "delete-topic").put("topic", d.topic());
        }
        if (c instanceof ListEvents l) {
            return new JsonObject().put("op", "events").put("topic", l.topic()).put("min", l.minLevel().name());
        }
        GetEvent g = (GetEvent) c;
        return new JsonObject().put("op", "event-state").put("topic", g.topic()).put("event", g.eventId());
    }

    private static Object fromReply(Command c, Object body) {
        if (c instanceof GetTopic) {
            return AlertWire.topic((JsonObject) body);
        }
        if (c instanceof ListEvents) {
            return AlertWire.events((JsonArray) body);
        }
        if (c instanceof GetEvent) {
            JsonObject s = (JsonObject) body;
            return new EventInfo(s.getString("id"), AlertWire.state(s));
        }
        return null;
    }

    private static Command fromJson(JsonObject o) {
        String topic = o.getString("topic", "");
        switch (o.getString("op", "")) {
            case "topics":
                return new ListTopics(o.getString("pattern", ""), Level.parse(o.getString("min", "OK")));
            case "topic":
                return new GetTopic(topic);
            case "delete-topic":
                return new DeleteTopic(topic);
            case "events":
                return new ListEvents(topic, Level.parse(o.getString("min", "OK")));
            case "event-state":
                return new GetEvent(topic, o.getString("event", ""));
            default:
                return null;
        }
    }

    /** Another node's request: an event for a topic this node owns, or a topic command to answer from here. */
    void answer(Message<JsonObject> msg) {
        JsonObject body = msg.body();
        if ("event".equals(body.getString("op"))) {
            topics.collectHere(AlertWire.event(body.getJsonObject("event")));
            msg.reply(null);
            return;
        }
        Command c = fromJson(body);
        if (c == null) {
            msg.fail(400, "unknown alert operation " + body.getString("op"));
            return;
        }
        local.apply(c).onComplete(ar -> {
            if (ar.failed()) {
                Throwable e = ar.cause();
                msg.fail(ApiException.statusOf(e), e.getMessage() == null ? e.toString() : e.getMessage());
                return;
            }
            msg.reply(toReply(c, ar.result()));
        });
    }

    @SuppressWarnings("unchecked")
    private static Object toReply(Command c, Object result) {
        if (c instanceof ListTopics) {
            JsonArray a = new JsonArray();
            ((List<TopicInfo>) result).forEach(t -> a.add(AlertWire.topic(t)));
            return a;
        }
        if (c instanceof GetTopic) {
            return AlertWire.topic((TopicInfo) result);
        }
        if (c instanceof ListEvents) {
            return AlertWire.events((List<EventInfo>) result);
        }
        if (c instanceof GetEvent) {
            return AlertWire.state(((EventInfo) result).state());
        }
        return null;
    }
}
