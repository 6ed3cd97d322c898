package kapacitor.config;

/** A configuration that must stop start-up; the message names the offending key. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "invalid value for http.bind-address: ..." */
    static ConfigException invalid(String key, String reason) {
        return new ConfigException("invalid value for " + key + ": " + reason);
    }
}
