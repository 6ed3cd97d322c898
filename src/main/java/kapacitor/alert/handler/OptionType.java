package kapacitor.alert.handler;

import java.util.List;

/**
 * The Go type of a handler option, as mapstructure decodes it from the topic handler API's JSON. The list-of-struct
 * types carry their fields, which a script's property method sets positionally ({@code .link(href, text)}).
 */
public enum OptionType {
    STRING("string"), BOOL("bool"), INT("int"), STRING_LIST("[]string"), MQTT_QOS("mqtt.QoSLevel"),
    DURATION("time.Duration"), MAP("map[string]interface {}"),
    PD_LINKS("[]pagerduty2.LinkTemplate", "href", "text"),
    SNMP_DATA("[]snmptrap.Data", "oid", "type", "value");

    private final String goName;
    private final List<String> fields;

    OptionType(String goName, String... fields) {
        this.goName = goName;
        this.fields = List.of(fields);
    }

    public String goName() {
        return goName;
    }

    /** The struct fields of a list-of-struct type, in argument order; empty for other types. */
    public List<String> fields() {
        return fields;
    }
}
