package kapacitor.service.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import kapacitor.api.ApiException;
import kapacitor.app.Addresses;
import kapacitor.app.Replies;
import kapacitor.store.NotFoundException;
import kapacitor.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's config override service (services/config): answers the config API from the file configuration
 * merged with the overrides in the store, applies updates with Kapacitor's rules, and keeps the live value of
 * every overridable section for the services that read it ({@link Addresses#CONFIG_GET},
 * {@link Addresses#CONFIG_CHANGED}).
 */
public final class ConfigManagerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigManagerVerticle.class);
    private static final String DISABLED = "config override service is not enabled";

    private final Store store;
    private final boolean enabled;
    private final boolean skipOverrides;
    private final Map<String, List<ObjectNode>> base;
    private Map<String, List<ObjectNode>> live;
    /** Updates read, merge and write the overrides; one at a time so none is lost. */
    private Future<?> updates = Future.succeededFuture();

    /**
     * @param tree          the merged file/env configuration tree
     * @param enabled       {@code [config-override] enabled}
     * @param skipOverrides {@code skip-config-overrides}: start-up leaves stored overrides unapplied
     */
    public ConfigManagerVerticle(Store store, ObjectNode tree, boolean enabled, boolean skipOverrides) {
        this.store = store;
        this.enabled = enabled;
        this.skipOverrides = skipOverrides;
        this.base = ConfigMerger.base(tree);
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        bus.<ConfigQuery>localConsumer(Addresses.CONFIG_QUERY, msg -> Replies.reply(msg, query(msg.body())));
        bus.<ConfigUpdate>localConsumer(Addresses.CONFIG_UPDATE, msg -> Replies.reply(msg, enqueue(msg.body())));
        bus.<String>localConsumer(Addresses.CONFIG_GET, msg -> Replies.reply(msg, liveSection(msg.body())));
        if (!enabled || skipOverrides) {
            live = base;
            return Future.succeededFuture();
        }
        return overrides().map(all -> {
            try {
                live = ConfigMerger.apply(base, all);
            } catch (OverrideException e) {
                throw new IllegalStateException("failed to apply config overrides: failed to apply configuration "
                    + "overrides: " + e.getMessage());
            }
            LOG.debug("msg=\"applied config overrides\" count={}", all.size());
            return null;
        });
    }

    private Future<List<StoredOverride>> overrides() {
        return store.overrides().listAll().map(records -> {
            List<StoredOverride> out = new ArrayList<>();
            records.forEach(r -> out.add(StoredOverride.of(r)));
            return out;
        });
    }

    private Future<ConfigSnapshot> query(ConfigQuery q) {
        if (!enabled) {
            return Future.failedFuture(new ApiException(403, DISABLED));
        }
        return overrides()
            .recover(e -> Future.failedFuture(new ApiException(500, "failed to resolve current config:failed to "
                + "retrieve config overrides: " + e.getMessage())))
            .compose(all -> {
                Map<String, List<ObjectNode>> merged;
                try {
                    merged = ConfigMerger.apply(base, all);
                } catch (OverrideException e) {
                    return Future.failedFuture(new ApiException(500, "failed to resolve current config:failed to "
                        + "apply configuration overrides: " + e.getMessage()));
                }
                Map<String, SectionView> sections = new TreeMap<>();
                merged.forEach((name, elements) -> {
                    // Kapacitor keeps every section whose name starts with the one asked for.
                    if (name.startsWith(q.section())) {
                        SectionSchema schema = SectionSchemas.get(name);
                        List<ElementView> views = new ArrayList<>();
                        elements.forEach(e -> views.add(ElementView.of(schema, e)));
                        sections.put(name, new SectionView(schema.elementKey(), List.copyOf(views)));
                    }
                });
                return Future.succeededFuture(new ConfigSnapshot(sections));
            });
    }

    private Future<Void> enqueue(ConfigUpdate u) {
        Future<Void> result = updates.transform(ignored -> update(u));
        updates = result;
        return result;
    }

    private Future<Void> update(ConfigUpdate u) {
        if (!enabled) {
            return Future.failedFuture(new ApiException(403, DISABLED));
        }
        UpdateAction action;
        try {
            action = UpdateAction.decode(u.body());
        } catch (OverrideException e) {
            return Future.failedFuture(new ApiException(400, "failed to decode JSON:" + e.getMessage()));
        }
        try {
            action.validate(u.section(), u.element(), u.hasElement());
        } catch (OverrideException e) {
            return badUpdate("invalid update action: " + e.getMessage());
        }
        Future<Plan> plan = action.remove().isEmpty() ? planChange(u, action) : planRemoval(u, action);
        return plan.compose(p -> {
            Map<String, List<ObjectNode>> merged;
            try {
                merged = ConfigMerger.apply(base, p.overrides());
            } catch (OverrideException e) {
                return Future.failedFuture(new ApiException(400, e.getMessage()));
            }
            return p.save().get().map(v -> merged);
        }).map(merged -> {
            live = new HashMap<>(live);
            live.put(u.section(), merged.get(u.section()));
            vertx.eventBus().publish(Addresses.CONFIG_CHANGED, sectionJson(u.section(), merged.get(u.section())));
            return null;
        });
    }

    /** The overrides the update leads to, and how to persist it once they apply cleanly. */
    private record Plan(List<StoredOverride> overrides, java.util.function.Supplier<Future<Void>> save) {
    }

    private Future<Plan> planChange(ConfigUpdate u, UpdateAction action) {
        String element = u.element();
        if (!action.add().isEmpty()) {
            SectionSchema schema = SectionSchemas.get(u.section());
            if (schema == null) {
                return badUpdate("unknown section \"" + u.section() + "\"");
            }
            if (!schema.isList()) {
                return badUpdate("section \"" + u.section() + "\" is not a list, cannot add new element");
            }
            JsonNode key = action.add().get(schema.elementKey());
            if (key == null) {
                return badUpdate("missing key \"" + schema.elementKey() + "\" in \"add\" map");
            }
            if (!key.isTextual()) {
                return badUpdate("expected \"" + schema.elementKey() + "\" key to be a string, got "
                    + WeakCopy.goType(key));
            }
            element = key.asText();
        }
        String name = element;
        Future<StoredOverride> existing = store.overrides().get(u.section(), name).map(StoredOverride::of)
            .recover(e -> e instanceof NotFoundException ? Future.succeededFuture(null)
                : Future.failedFuture(new ApiException(400, "failed to apply update: failed to retrieve existing "
                    + "overrides for " + u.section() + "/" + name + ": " + e.getMessage())));
        return existing.compose(old -> {
            if (old != null && !action.add().isEmpty()) {
                return badUpdate("cannot add new override, override already exists for " + old.id());
            }
            StoredOverride changed;
            if (!action.add().isEmpty()) {
                changed = new StoredOverride(u.section(), name, action.add().deepCopy(), true);
            } else {
                ObjectNode options = old == null ? kapacitor.api.Json.MAPPER.createObjectNode()
                    : old.options().deepCopy();
                options.setAll(action.set());
                action.delete().forEach(options::remove);
                changed = new StoredOverride(u.section(), name, options, old != null && old.create());
            }
            return overrides().map(all -> {
                List<StoredOverride> next = new ArrayList<>();
                boolean replaced = false;
                for (StoredOverride o : all) {
                    if (o.id().equals(changed.id())) {
                        next.add(changed);
                        replaced = true;
                    } else {
                        next.add(o);
                    }
                }
                if (!replaced) {
                    next.add(changed);
                }
                return new Plan(next, () -> store.overrides().put(changed.toRecord())
                    .recover(e -> Future.failedFuture(new ApiException(500, "failed to save override "
                        + changed.id() + ": " + e.getMessage()))));
            });
        });
    }

    private Future<Plan> planRemoval(ConfigUpdate u, UpdateAction action) {
        return overrides().map(all -> {
            List<StoredOverride> kept = new ArrayList<>();
            for (StoredOverride o : all) {
                if (!(o.section().equals(u.section()) && action.remove().contains(o.element()))) {
                    kept.add(o);
                }
            }
            return new Plan(kept, () -> deleteAll(u.section(), action.remove()));
        });
    }

    /** Removes several overrides at once: all of them or, on failure, none. */
    private Future<Void> deleteAll(String section, List<String> elements) {
        String sql = "DELETE FROM config_overrides WHERE section = " + store.dialect().param(1) + " AND element = "
            + store.dialect().param(2);
        return store.<Void>inTransaction(conn -> {
            Future<Void> chain = Future.succeededFuture();
            for (String element : elements) {
                chain = chain.compose(v -> conn.preparedQuery(sql).execute(Tuple.of(section, element)).mapEmpty());
            }
            return chain;
        }).recover(e -> Future.failedFuture(new ApiException(500, "failed to remove existing override: "
            + e.getMessage())));
    }

    private static <T> Future<T> badUpdate(String text) {
        return Future.failedFuture(new ApiException(400, "failed to apply update: " + text));
    }

    private Future<JsonObject> liveSection(String section) {
        List<ObjectNode> elements = section == null ? null : live.get(section);
        if (elements == null) {
            return Future.failedFuture(new ApiException(404, "unknown section: " + section));
        }
        return Future.succeededFuture(sectionJson(section, elements));
    }

    private static JsonObject sectionJson(String section, List<ObjectNode> elements) {
        JsonArray array = new JsonArray();
        elements.forEach(e -> array.add(new JsonObject(e.toString())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("section", section);
        body.put("elements", array);
        return new JsonObject(body);
    }
}
