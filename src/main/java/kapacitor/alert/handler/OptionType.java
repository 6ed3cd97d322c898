package kapacitor.alert.handler;

/** The Go type of a handler option, as mapstructure decodes it from the topic handler API's JSON. */
public enum OptionType {
    STRING("string"), BOOL("bool"), INT("int"), STRING_LIST("[]string"), MQTT_QOS("mqtt.QoSLevel");

    private final String goName;

    OptionType(String goName) {
        this.goName = goName;
    }

    public String goName() {
        return goName;
    }
}
