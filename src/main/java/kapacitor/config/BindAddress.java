package kapacitor.config;

/** A "host:port" address checked the way Kapacitor checks [http] bind-address (net.SplitHostPort + port range). */
public record BindAddress(String host, int port) {

    public static BindAddress parse(String key, String address) {
        String host;
        String port;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0 || close + 1 >= address.length() || address.charAt(close + 1) != ':') {
                throw ConfigException.invalid(key, "invalid http bind address " + address
                    + ": address " + address + ": missing port in address");
            }
            host = address.substring(1, close);
            port = address.substring(close + 2);
        } else {
            int colon = address.lastIndexOf(':');
            if (colon < 0) {
                throw ConfigException.invalid(key, "invalid http bind address " + address
                    + ": address " + address + ": missing port in address");
            }
            host = address.substring(0, colon);
            if (host.indexOf(':') >= 0) {
                throw ConfigException.invalid(key, "invalid http bind address " + address
                    + ": address " + address + ": too many colons in address");
            }
            port = address.substring(colon + 1);
        }
        if (port.isEmpty()) {
            throw ConfigException.invalid(key, "invalid http bind address, no port specified " + address);
        }
        long number;
        try {
            number = Long.parseLong(port);
        } catch (NumberFormatException e) {
            throw ConfigException.invalid(key, "invalid http bind address port " + port);
        }
        if (number < 0 || number > 65535) {
            throw ConfigException.invalid(key, "invalid http bind address port " + number + ": out of range");
        }
        return new BindAddress(host, (int) number);
    }
}
