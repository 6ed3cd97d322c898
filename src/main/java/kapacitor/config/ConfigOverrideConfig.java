package kapacitor.config;

/** Kapacitor's {@code [config-override]}: whether the /kapacitor/v1/config API may change settings. */
public record ConfigOverrideConfig(boolean enabled) {

    static ConfigOverrideConfig from(Section s) {
        return new ConfigOverrideConfig(s.bool("enabled"));
    }
}
