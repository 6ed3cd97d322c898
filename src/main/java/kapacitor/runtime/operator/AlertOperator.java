package kapacitor.runtime.operator;

import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.EventData;
import kapacitor.alert.EventState;
import kapacitor.alert.Inhibitor;
import kapacitor.alert.Level;
import kapacitor.alert.Topics;
import kapacitor.alert.handler.AlertHandler;
import kapacitor.alert.handler.HandlerDefs;
import kapacitor.alert.template.GoStruct;
import kapacitor.alert.template.GoTemplate;
import kapacitor.alert.template.GoValues;
import kapacitor.alert.template.TemplateException;
import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;
import kapacitor.pipeline.DurationValue;
import kapacitor.pipeline.HandlerDef;
import kapacitor.pipeline.NodeDef;
import kapacitor.runtime.edge.BatchMessage;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.tick.expr.Expr;
import kapacitor.tick.expr.ExprException;
import kapacitor.tick.expr.ExprState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Kapacitor's alert node (alert.go): per group it finds the level of each point or batch, keeps the level history
 * (flapping, state changes only, expiry), and on a trigger builds the event from the id/message/details templates,
 * sends it to the anonymous topic of the script's handlers and to the named topic, and emits the point or batch
 * augmented with the level/id/message/duration tags and fields.
 */
public final class AlertOperator extends GroupedOperator<AlertGroupState> implements TaskBound {
    private final NodeDef def;
    final AlertSettings settings;
    private final Expr[] levels = new Expr[4];
    private final ExprState[] levelStates = new ExprState[4];
    private final Expr[] resets = new Expr[4];
    private final ExprState[] resetStates = new ExprState[4];
    private final GoTemplate idTmpl;
    private final GoTemplate messageTmpl;
    private final GoTemplate detailsTmpl;
    private final List<AlertHandler> handlers = new ArrayList<>();
    /** Every group's inhibitors, registered with the topics until the task stops. */
    private final List<Inhibitor> inhibitors = new ArrayList<>();
    private final long[] triggered = new long[4];
    private long alertsTriggered;
    private long alertsInhibited;
    private String taskId = "";
    private String anonTopic = "";
    Topics topics;

    public AlertOperator(NodeDef n) {
        this.def = n;
        this.settings = AlertSettings.of(n);
        String[] names = {"", "Info", "Warn", "Crit"};
        for (int l = 1; l <= 3; l++) {
            if (n.has(names[l])) {
                levels[l] = Lambdas.compile(n.value(names[l]), names[l].toLowerCase());
                levelStates[l] = levels[l].newState();
                if (n.has(names[l] + "Reset")) {
                    resets[l] = Lambdas.compile(n.value(names[l] + "Reset"), names[l].toLowerCase() + "Reset");
                    resetStates[l] = resets[l].newState();
                }
            }
        }
        try {
            idTmpl = GoTemplate.parse("id", n.stringValue("Id"));
            messageTmpl = GoTemplate.parse("message", n.stringValue("Message"));
            Map<String, Function<List<Object>, Object>> json = new LinkedHashMap<>();
            json.put("json", args -> jsonOf(args, false));
            json.put("jsonCompact", args -> jsonOf(args, true));
            detailsTmpl = GoTemplate.parse("details", n.stringValue("Details"), true, json);
        } catch (TemplateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Object jsonOf(List<Object> args, boolean compact) {
        StringBuilder b = new StringBuilder();
        GoValues.json(b, args.isEmpty() ? null : args.get(args.size() - 1));
        return compact ? b.toString() : b.append('\n').toString();
    }

    @Override
    public void bind(String task, String execution, Vertx vertx) {
        this.taskId = task;
        this.anonTopic = execution + ":" + task + ":" + def.name();
        this.topics = Topics.of(vertx);
        for (HandlerDef h : def.handlers()) {
            handlers.add(HandlerDefs.create(vertx, h));
        }
        for (AlertHandler h : handlers) {
            topics.registerHandler(anonTopic, h);
        }
    }

    @Override
    public void unbind() {
        // A stopped task no longer inhibits anything (Kapacitor's alertState.Done).
        for (Inhibitor in : inhibitors) {
            topics.removeInhibitor(in);
        }
        inhibitors.clear();
        for (AlertHandler h : handlers) {
            topics.deregisterHandler(anonTopic, h);
        }
        if (hasAnonTopic()) {
            // A stopped task's anonymous topic leaves the listings until the task runs again (Kapacitor's CloseTopic).
            topics.closeTopic(anonTopic);
        }
    }

    public String anonTopic() {
        return anonTopic;
    }

    private boolean hasAnonTopic() {
        return !handlers.isEmpty();
    }

    /** The node's statistics as Kapacitor names them. */
    @Override
    public Map<String, Long> stats() {
        return alertStats();
    }

    public Map<String, Long> alertStats() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("alerts_triggered", alertsTriggered);
        m.put("alerts_inhibited", alertsInhibited);
        m.put("oks_triggered", triggered[0]);
        m.put("infos_triggered", triggered[1]);
        m.put("warns_triggered", triggered[2]);
        m.put("crits_triggered", triggered[3]);
        // Kapacitor never registers its events_dropped counter, so its stats do not have it.
        return m;
    }

    @Override
    protected AlertGroupState newGroup(Message first) {
        Tags tags = first instanceof PointMessage p ? p.point().tags() : first.groupTags();
        AlertGroupState s = new AlertGroupState(settings, inhibitors(first.groupTags()));
        try {
            String id = renderId(first.name(), first.groupId(), tags);
            restore(s, id, first.time());
        } catch (TemplateException e) {
            // The id is rendered again for the first message, which reports the error.
        }
        return s;
    }

    private List<Inhibitor> inhibitors(Tags tags) {
        List<Inhibitor> list = new ArrayList<>();
        for (List<Object> call : def.calls("Inhibit")) {
            Map<String, String> equal = new LinkedHashMap<>();
            for (int i = 1; i < call.size(); i++) {
                String k = String.valueOf(call.get(i));
                String v = tags.get(k);
                equal.put(k, v == null ? "" : v);
            }
            Inhibitor in = new Inhibitor(String.valueOf(call.get(0)), equal);
            list.add(in);
            inhibitors.add(in);
            if (topics != null) {
                topics.addInhibitor(in);
            }
        }
        return list;
    }

    /** A level already raised before a restart is the group's starting level (Kapacitor's restoreEventState). */
    private void restore(AlertGroupState s, String id, long t) {
        if (topics == null) {
            return;
        }
        EventState anon = hasAnonTopic() ? topics.eventState(anonTopic, id) : null;
        EventState named = settings.topic().isEmpty() ? null : topics.eventState(settings.topic(), id);
        Level anonLevel = anon == null ? Level.OK : anon.level();
        Level namedLevel = named == null ? Level.OK : named.level();
        if (anonLevel != namedLevel) {
            if (anon != null && named != null) {
                topics.updateEvent(settings.topic(), anon);
            } else if (named != null && hasAnonTopic()) {
                topics.updateEvent(anonTopic, named);
            }
        }
        EventState from = anon != null ? anon : named;
        if (from != null && from.level() != Level.OK) {
            s.addEvent(t, from.level());
            s.triggered(from.time());
        }
    }

    @Override
    protected void onPoint(AlertGroupState s, PointMessage p, Output out) {
        Point pt = p.point();
        String id;
        try {
            id = renderId(p.name(), p.groupId(), pt.tags());
        } catch (TemplateException e) {
            out.error(e.getMessage());
            return;
        }
        Level l = determineLevel(pt, s.currentLevel(), out);
        s.addEvent(pt.time(), l);
        if ((settings.useFlapping() && s.flapping) || (settings.stateChangesOnly() && !s.changed && !s.expired)) {
            return;
        }
        if (l == Level.OK && !s.changed) {
            return;
        }
        s.triggered(pt.time());
        if (settings.noRecoveries() && l == Level.OK) {
            return;
        }
        AlertEvent event;
        try {
            event = event(id, p.name(), p.groupId(), pt.tags(), pt.fields(), l, pt.time(), s.duration(),
                ResultRows.row(p));
        } catch (TemplateException e) {
            out.error(e.getMessage());
            return;
        }
        handle(event);
        Point augmented = pt.withTags(augmentTags(pt.tags(), event.state()))
            .withFields(augmentFields(pt.fields(), event.state()));
        out.emit(PointMessage.of(augmented, p.dims()));
    }

    @Override
    protected void onBatch(AlertGroupState s, BatchMessage b, Output out) {
        String id;
        try {
            id = renderId(b.name(), b.groupId(), b.groupTags());
        } catch (TemplateException e) {
            out.error(e.getMessage());
            return;
        }
        if (b.points().isEmpty()) {
            return;
        }
        Level lowest = Level.CRITICAL;
        Level highest = Level.OK;
        Point highestPoint = null;
        Level current = s.currentLevel();
        for (Point bp : b.points()) {
            Level l = determineLevel(bp, current, out);
            if (l.compareTo(lowest) < 0) {
                lowest = l;
            }
            if (l.compareTo(highest) > 0 || highestPoint == null) {
                highest = l;
                highestPoint = bp;
            }
        }
        Level l = settings.all() ? lowest : highest;
        long t = settings.all() || l == Level.OK ? b.time() : highestPoint.time();
        s.addEvent(t, l);
        boolean fire = (s.changed && l == Level.OK) || (l != Level.OK
            && !((settings.useFlapping() && s.flapping) || (settings.stateChangesOnly() && !s.changed && !s.expired)));
        if (!fire) {
            return;
        }
        s.triggered(t);
        if (settings.noRecoveries() && l == Level.OK) {
            return;
        }
        AlertEvent event;
        try {
            event = event(id, b.name(), b.groupId(), b.groupTags(), highestPoint.fields(), l, t, s.duration(),
                ResultRows.row(b));
        } catch (TemplateException e) {
            out.error(e.getMessage());
            return;
        }
        handle(event);
        if (!settings.augments()) {
            out.emit(b);
            return;
        }
        List<Point> points = new ArrayList<>(b.points().size());
        for (Point bp : b.points()) {
            points.add(bp.withTags(augmentTags(bp.tags(), event.state()))
                .withFields(augmentFields(bp.fields(), event.state())));
        }
        Tags groupTags = augmentTags(b.groupTags(), event.state());
        out.emit(new BatchMessage(b.name(), groupTags, b.dims(), b.groupId(), b.time(), points));
    }

    private Level determineLevel(Point p, Level current, Output out) {
        Level higher = firstMatch(Level.CRITICAL.ordinal(), current.ordinal() - 1, p, out);
        if (higher != null) {
            return higher;
        }
        int c = current.ordinal();
        if (resets[c] != null) {
            try {
                if (!resets[c].evalBool(p, resetStates[c])) {
                    return current;
                }
            } catch (ExprException e) {
                out.error("error evaluating reset expression for current level: " + e.getMessage());
            }
        }
        Level lower = firstMatch(c, 0, p, out);
        return lower == null ? Level.OK : lower;
    }

    private Level firstMatch(int start, int stop, Point p, Output out) {
        for (int l = start; l > Math.max(stop, 0); l--) {
            if (levels[l] == null) {
                continue;
            }
            try {
                if (levels[l].evalBool(p, levelStates[l])) {
                    return Level.values()[l];
                }
            } catch (ExprException e) {
                out.error("error evaluating expression for level " + Level.values()[l] + ": " + e.getMessage());
            }
        }
        return null;
    }

    private void handle(AlertEvent event) {
        if (topics != null && topics.isInhibited(settings.category(), event.data().tags())) {
            alertsInhibited++;
            return;
        }
        alertsTriggered++;
        triggered[event.state().level().ordinal()]++;
        if (topics == null) {
            return;
        }
        // A topic may drop the event; Kapacitor counts that but never publishes the count (see alertStats).
        if (hasAnonTopic()) {
            topics.collect(event.withTopic(anonTopic));
        }
        if (!settings.topic().isEmpty()) {
            topics.collect(event.withTopic(settings.topic()));
        }
    }

    private AlertEvent event(String id, String name, String group, Tags tags, Fields fields, Level level, long time,
                             long duration, String row) throws TemplateException {
        Map<String, Object> info = idInfo(name, group, tags);
        info.put("ID", id);
        info.put("Fields", GoTemplate.goMap(fields.toMap()));
        info.put("Level", level.name());
        info.put("Time", new GoValues.Time(time));
        info.put("Duration", new GoValues.Duration(duration));
        String msg = messageTmpl.execute(new GoStruct("kapacitor.messageInfo", info));
        info.put("Message", msg);
        String details = detailsTmpl.execute(new GoStruct("kapacitor.detailsInfo", info));
        EventState state = new EventState(id, msg, details, time, duration, level);
        EventData data = new EventData(name, taskId, settings.category(), group, tags, fields,
            !settings.noRecoveries(), List.of(row));
        return new AlertEvent(anonTopic, state, data, null, false);
    }

    private String renderId(String name, String group, Tags tags) throws TemplateException {
        return idTmpl.execute(new GoStruct("kapacitor.idInfo", idInfo(name, group, tags)));
    }

    private Map<String, Object> idInfo(String name, String group, Tags tags) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("Name", name);
        info.put("TaskName", taskId);
        info.put("Group", group.isEmpty() ? "nil" : group);
        info.put("Tags", GoTemplate.goMap(tags.toMap()));
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("Hostname", settings.hostname());
        server.put("ClusterID", "");
        server.put("ServerID", "");
        info.put("ServerInfo", new GoStruct("kapacitor.serverInfo", server));
        return info;
    }

    private Tags augmentTags(Tags tags, EventState s) {
        if (settings.levelTag().isEmpty() && settings.idTag().isEmpty()) {
            return tags;
        }
        Map<String, String> m = tags.toMap();
        if (!settings.levelTag().isEmpty()) {
            m.put(settings.levelTag(), s.level().name());
        }
        if (!settings.idTag().isEmpty()) {
            m.put(settings.idTag(), s.id());
        }
        return Tags.of(m);
    }

    private Fields augmentFields(Fields fields, EventState s) {
        if (settings.levelField().isEmpty() && settings.idField().isEmpty() && settings.durationField().isEmpty()
            && settings.messageField().isEmpty()) {
            return fields;
        }
        Map<String, Object> m = new LinkedHashMap<>(fields.toMap());
        if (!settings.levelField().isEmpty()) {
            m.put(settings.levelField(), s.level().name());
        }
        if (!settings.messageField().isEmpty()) {
            m.put(settings.messageField(), s.message());
        }
        if (!settings.idField().isEmpty()) {
            m.put(settings.idField(), s.id());
        }
        if (!settings.durationField().isEmpty()) {
            m.put(settings.durationField(), s.duration());
        }
        return Fields.of(m);
    }

    /** The alert node's settings read once from its definition. */
    record AlertSettings(String topic, String category, long history, boolean useFlapping, double flapLow,
                         double flapHigh, boolean stateChangesOnly, long stateChangesOnlyDuration,
                         boolean noRecoveries, boolean all, String levelTag, String levelField,
                         String messageField, String durationField, String idTag, String idField, String hostname) {

        static AlertSettings of(NodeDef n) {
            boolean flapping = n.has("Flapping");
            double low = 0;
            double high = 0;
            if (flapping) {
                List<Object> args = n.values("Flapping");
                low = ((Number) args.get(0)).doubleValue();
                high = ((Number) args.get(1)).doubleValue();
                if (low > 1 || high > 1) {
                    throw new IllegalArgumentException(
                        "alert flap thresholds are percentages and should be between 0 and 1");
                }
            }
            long scoDuration = n.durationNanos("StateChangesOnlyDuration");
            for (Object o : n.allValues("StateChangesOnly")) {
                if (o instanceof DurationValue d) {
                    scoDuration = d.nanos();
                }
            }
            long history = Math.max(2, n.longValue("History"));
            return new AlertSettings(n.stringValue("Topic"), n.stringValue("Category"), history, flapping, low, high,
                n.has("StateChangesOnly") || n.has("StateChangesOnlyDuration"), scoDuration, n.has("NoRecoveries"),
                n.has("All"), n.stringValue("LevelTag"), n.stringValue("LevelField"), n.stringValue("MessageField"),
                n.stringValue("DurationField"), n.stringValue("IdTag"), n.stringValue("IdField"), "localhost");
        }

        boolean augments() {
            return !levelTag.isEmpty() || !levelField.isEmpty() || !idTag.isEmpty() || !idField.isEmpty()
                || !durationField.isEmpty() || !messageField.isEmpty();
        }
    }
}
