package kapacitor.alert.handler;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kapacitor.pipeline.HandlerDef;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service-backed handler kinds by name, for the topic handler API ({@code kind} + {@code options}) and for
 * alert nodes' script calls ({@code .slack().channel('#x')}), which are turned into the same options.
 */
public final class HandlerFactory {
    private static final Map<String, HandlerKind> KINDS = new LinkedHashMap<>();
    /** TICKscript handler property -> kind, where the names differ. */
    private static final Map<String, String> SCRIPT_KINDS = Map.of("email", "smtp", "victorOps", "victorops",
        "pagerDuty", "pagerduty", "pagerDuty2", "pagerduty2", "opsGenie", "opsgenie", "opsGenie2", "opsgenie2",
        "hipChat", "hipchat", "bigPanda", "bigpanda", "serviceNow", "servicenow", "snmpTrap", "snmptrap");

    static {
        for (HandlerKind k : List.of(SlackHandler.KIND, VictorOpsHandler.KIND, TelegramHandler.KIND,
            TeamsHandler.KIND, SmtpHandler.KIND, MqttHandler.KIND, KafkaHandler.KIND, PagerDutyHandler.KIND,
            PagerDuty2Handler.KIND, OpsGenieHandler.KIND, OpsGenie2Handler.KIND,
            DiscordHandler.KIND, PushoverHandler.KIND, TalkHandler.KIND, HipChatHandler.KIND,
            SensuHandler.KIND, AlertaHandler.KIND, BigPandaHandler.KIND, ServiceNowHandler.KIND,
            ZenossHandler.KIND, SnmpTrapHandler.KIND)) {
            KINDS.put(k.name(), k);
        }
    }

    private HandlerFactory() {
    }

    public static Map<String, HandlerKind> kinds() {
        return Collections.unmodifiableMap(KINDS);
    }

    public static boolean supports(String kind) {
        return KINDS.containsKey(kind);
    }

    /**
     * Builds a handler of a kind from its options JSON.
     *
     * @throws IllegalArgumentException for an unknown kind, an unknown option or a value of the wrong type
     */
    public static AlertHandler create(Vertx vertx, String kind, JsonObject options) {
        HandlerKind k = KINDS.get(kind);
        if (k == null) {
            throw new IllegalArgumentException("unsupported handler kind '" + kind + "'");
        }
        return k.builder().build(vertx, HandlerOptions.parse(k, options));
    }

    /** The kind a script handler call maps to ("email" -> "smtp"), or null when it is not one of these. */
    public static String kindOf(HandlerDef h) {
        String kind = SCRIPT_KINDS.getOrDefault(h.type(), h.type());
        return KINDS.containsKey(kind) ? kind : null;
    }

    /** The options a script handler call sets, by their API names. */
    public static JsonObject options(HandlerDef h) {
        HandlerKind k = KINDS.get(kindOf(h));
        JsonObject out = new JsonObject();
        for (HandlerOption o : k.options()) {
            if (o.property() == null || !h.has(o.property())) {
                continue;
            }
            switch (o.type()) {
                case STRING_LIST:
                    JsonArray a = new JsonArray();
                    h.allValues(o.property()).forEach(v -> a.add(String.valueOf(v)));
                    out.put(o.name(), a);
                    break;
                case BOOL:
                    // Property methods without arguments (.disableNotification()) set the flag by being called.
                    Object v = h.value(o.property());
                    out.put(o.name(), v instanceof Boolean b ? b : Boolean.TRUE);
                    break;
                case MAP: {
                    // Accumulating key/value methods (.attribute(k, v), .metadata(k, v)).
                    JsonObject m = new JsonObject();
                    h.calls(o.property()).forEach(call -> m.put(String.valueOf(call.get(0)), call.get(1)));
                    out.put(o.name(), m);
                    break;
                }
                case PD_LINKS:
                case SNMP_DATA: {
                    // Each call is one struct, its arguments the fields in order (a missing trailing one is "").
                    JsonArray list = new JsonArray();
                    for (List<Object> call : h.calls(o.property())) {
                        JsonObject e = new JsonObject();
                        for (int i = 0; i < o.type().fields().size(); i++) {
                            e.put(o.type().fields().get(i), i < call.size() ? String.valueOf(call.get(i)) : "");
                        }
                        list.add(e);
                    }
                    out.put(o.name(), list);
                    break;
                }
                case DURATION:
                    out.put(o.name(), h.durationNanos(o.property()));
                    break;
                default:
                    out.put(o.name(), h.value(o.property()));
                    break;
            }
        }
        // .serviceKey() is pagerDuty2's backwards compatible spelling of .routingKey().
        if (k == PagerDuty2Handler.KIND && !h.has("RoutingKey") && h.has("ServiceKey")) {
            out.put("routing-key", h.value("ServiceKey"));
        }
        return out;
    }

    public static AlertHandler create(Vertx vertx, HandlerDef h) {
        return create(vertx, kindOf(h), options(h));
    }
}
