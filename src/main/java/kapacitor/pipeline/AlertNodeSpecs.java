package kapacitor.pipeline;

import static kapacitor.pipeline.ArgKind.ANY;
import static kapacitor.pipeline.ArgKind.BOOL;
import static kapacitor.pipeline.ArgKind.DURATION;
import static kapacitor.pipeline.ArgKind.FLOAT;
import static kapacitor.pipeline.ArgKind.INT;
import static kapacitor.pipeline.ArgKind.LAMBDA;
import static kapacitor.pipeline.ArgKind.STRING;
import static kapacitor.pipeline.ArgKind.STRING_LIST;
import static kapacitor.pipeline.NodeSpec.EdgeRule.PARENT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert node and its handlers. A handler object has its own properties and, as in Kapacitor where handlers
 * embed the alert's data, every alert property and chaining method not shadowed by its own.
 */
final class AlertNodeSpecs {

    static final Map<String, Object> DEFAULTS = Map.of(
        "History", 21L,
        "Id", "{{ .Name }}:{{ .Group }}",
        "Message", "{{ .ID }} is {{ .Level }}",
        "Details", "{{ json . }}");

    static final NodeSpec ALERT = NodeSpec.node("alert", "*pipeline.AlertNode", PARENT, PARENT)
        // |log() stays a chaining method although .log(path) is a handler property.
        .chains(CommonChains.CHAIN_METHODS)
        .fields(STRING, "Category", "Topic", "Id", "Message", "Details")
        .fields(LAMBDA, "Info", "Warn", "Crit", "InfoReset", "WarnReset", "CritReset")
        .alertMethod("Flapping", false, FLOAT, FLOAT)
        .fields(FLOAT, "FlapLow", "FlapHigh")
        .field("History", INT)
        .fields(STRING, "LevelTag", "LevelField", "MessageField", "DurationField", "IdTag", "IdField")
        .alertMethod("All", false)
        .alertMethod("NoRecoveries", false)
        .alertMethod("StateChangesOnly", true, DURATION)
        .field("StateChangesOnlyDuration", DURATION)
        .alertMethod("Inhibit", true, STRING, STRING)
        .handlerMethod("Post", "post", true, STRING)
        .handlerMethod("Tcp", "tcp", false, STRING)
        .handlerMethod("Email", "email", true, STRING)
        .handlerMethod("Exec", "exec", true, STRING, STRING)
        .handlerMethod("Log", "log", false, STRING)
        .handlerMethod("VictorOps", "victorOps", false)
        .handlerMethod("PagerDuty", "pagerDuty", false)
        .handlerMethod("PagerDuty2", "pagerDuty2", false)
        .handlerMethod("Pushover", "pushover", false)
        .handlerMethod("Sensu", "sensu", false)
        .handlerMethod("Slack", "slack", false)
        .handlerMethod("Discord", "discord", false)
        .handlerMethod("BigPanda", "bigPanda", false)
        .handlerMethod("Telegram", "telegram", false)
        .handlerMethod("HipChat", "hipChat", false)
        .handlerMethod("Alerta", "alerta", false)
        .handlerMethod("OpsGenie", "opsGenie", false)
        .handlerMethod("OpsGenie2", "opsGenie2", false)
        .handlerMethod("Talk", "talk", false)
        .handlerMethod("Mqtt", "mqtt", false, STRING)
        .handlerMethod("SnmpTrap", "snmpTrap", false, STRING)
        .handlerMethod("Kafka", "kafka", false)
        .handlerMethod("Teams", "teams", false)
        .handlerMethod("ServiceNow", "serviceNow", false)
        .handlerMethod("Zenoss", "zenoss", false)
        .method("Quiet")
        .init((n, a) -> DEFAULTS.forEach(n::set))
        .validator(NodeValidators::alert)
        .build();

    private AlertNodeSpecs() {
    }

    static List<NodeSpec> nodes() {
        return List.of(ALERT);
    }

    /** Handler specs keyed by the alert property that creates them. */
    static Map<String, NodeSpec> handlers() {
        Map<String, NodeSpec> h = new LinkedHashMap<>();
        add(h, handler("post", "AlertHTTPPostHandler")
            .fields(STRING, "URL", "Endpoint")
            .method("Header", STRING, STRING)
            .method("CaptureResponse")
            .field("Timeout", DURATION)
            .method("SkipSSLVerification"));
        add(h, handler("tcp", "TcpHandler").field("Address", STRING));
        add(h, handler("email", "EmailHandler").variadic("To", STRING).variadic("ToTemplates", STRING));
        add(h, handler("exec", "ExecHandler").field("Command", STRING_LIST));
        add(h, handler("log", "LogHandler").field("FilePath", STRING).field("Mode", INT));
        add(h, handler("victorOps", "VictorOpsHandler").field("RoutingKey", STRING));
        add(h, handler("pagerDuty", "PagerDutyHandler").field("ServiceKey", STRING));
        add(h, handler("pagerDuty2", "PagerDuty2Handler")
            .field("RoutingKey", STRING)
            .method("ServiceKey", STRING)
            .variadic("Link", STRING, STRING));
        add(h, handler("hipChat", "HipChatHandler").fields(STRING, "Room", "Token"));
        add(h, handler("alerta", "AlertaHandler")
            .fields(STRING, "Token", "Resource", "Event", "Environment", "Group", "Value", "Origin")
            .variadic("Services", STRING)
            .variadic("Correlated", STRING)
            .method("Attribute", STRING, ANY)
            .field("Timeout", DURATION));
        add(h, handler("mqtt", "MQTTHandler")
            .fields(STRING, "BrokerName", "Topic")
            .field("Qos", INT)
            .field("Retained", BOOL));
        add(h, handler("sensu", "SensuHandler")
            .field("Source", STRING)
            .variadic("Handlers", STRING)
            .method("Metadata", STRING, ANY));
        add(h, handler("pushover", "PushoverHandler")
            .fields(STRING, "UserKey", "Device", "Title", "URL", "URLTitle", "Sound"));
        add(h, handler("slack", "SlackHandler").fields(STRING, "Workspace", "Channel", "Username", "IconEmoji"));
        add(h, handler("discord", "DiscordHandler")
            .fields(STRING, "Workspace", "Username", "AvatarURL", "EmbedTitle"));
        add(h, handler("bigPanda", "BigPandaHandler")
            .fields(STRING, "AppKey", "Host", "PrimaryProperty", "SecondaryProperty")
            .method("Attribute", STRING, ANY));
        add(h, handler("telegram", "TelegramHandler")
            .fields(STRING, "ChatId", "ParseMode")
            .method("DisableWebPagePreview")
            .method("DisableNotification"));
        add(h, handler("opsGenie", "OpsGenieHandler").variadic("Teams", STRING).variadic("Recipients", STRING));
        add(h, handler("opsGenie2", "OpsGenie2Handler")
            .variadic("Teams", STRING)
            .variadic("Recipients", STRING)
            .method("RecoveryAction", STRING)
            .method("Details"));
        add(h, handler("talk", "TalkHandler"));
        add(h, handler("snmpTrap", "SNMPTrapHandler").field("TrapOid", STRING).method("Data", STRING, STRING, STRING));
        add(h, handler("kafka", "KafkaHandler")
            .fields(STRING, "Cluster", "KafkaTopic")
            .method("DisablePartitionById")
            .fields(STRING, "PartitionHashAlgorithm", "Template"));
        add(h, handler("teams", "TeamsHandler").field("ChannelURL", STRING));
        add(h, handler("serviceNow", "ServiceNowHandler")
            .fields(STRING, "URL", "Username", "Password", "Source", "Node", "Type", "Resource", "MetricName",
                "MessageKey")
            .method("AdditionalInfo", STRING, ANY));
        add(h, handler("zenoss", "ZenossHandler")
            .fields(STRING, "URL", "Username", "Password", "Action", "Method", "Type")
            .field("Tid", INT)
            .fields(STRING, "Collector", "Summary", "Device", "Component", "EventClassKey", "EventClass", "Message")
            .method("CustomField", STRING, ANY));
        return h;
    }

    private static NodeSpec.Builder handler(String type, String goName) {
        return NodeSpec.handler(type, "*pipeline." + goName);
    }

    private static void add(Map<String, NodeSpec> map, NodeSpec.Builder b) {
        NodeSpec spec = b.inheritProperties(ALERT.properties()).chains(ALERT.chains()).build();
        map.put(spec.type(), spec);
    }

    /** Sets what Kapacitor's handler constructor sets from the creating method's arguments. */
    static void initHandler(HandlerDef h, List<Object> args) {
        switch (h.type()) {
            case "post":
                if (!args.isEmpty()) {
                    h.set("URL", args.get(0));
                }
                break;
            case "tcp":
                h.set("Address", args.get(0));
                break;
            case "email":
                if (!args.isEmpty()) {
                    h.addCall("To", args);
                }
                break;
            case "exec":
                h.setList("Command", args);
                break;
            case "log":
                h.set("FilePath", args.get(0));
                break;
            case "mqtt":
                h.set("Topic", args.get(0));
                break;
            case "snmpTrap":
                h.set("TrapOid", args.get(0));
                break;
            default:
                break;
        }
    }
}
