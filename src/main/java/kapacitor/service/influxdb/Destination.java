package kapacitor.service.influxdb;

/**
 * The parts of a subscription destination URL Kapacitor looks at, split the way Go's url.Parse and
 * net.SplitHostPort split them (java.net.URI rejects host names Go accepts, such as ones with '_').
 *
 * @param userInfo null when the URL has no {@code user[:password]@}
 * @param host     without IPv6 brackets
 * @param port     the digits after the host's last ':'; null when there is no port (SplitHostPort fails)
 */
record Destination(String scheme, String userInfo, String host, String port) {

    /** Null when the text is not a {@code scheme://authority[/path]} URL. */
    static Destination parse(String url) {
        int sep = url.indexOf("://");
        if (sep <= 0) {
            return null;
        }
        String scheme = url.substring(0, sep).toLowerCase(java.util.Locale.ROOT);
        String rest = url.substring(sep + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        String userInfo = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
        }
        String host;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = authority.substring(1, close);
            if (authority.length() > close + 1 && authority.charAt(close + 1) == ':') {
                port = authority.substring(close + 2);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? null : authority.substring(colon + 1);
        }
        return new Destination(scheme, userInfo, host, port);
    }

    /** The port as a number, or -1 when missing or not a number. */
    int portNumber() {
        if (port == null || port.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
