package kapacitor.api;

/**
 * What the HTTP layer needs from the {@code [http]} section, resolved once at start-up.
 *
 * @param maxBodySize request body limit in bytes (after gzip decompression); 0 or less means no limit
 */
public record HttpServerSettings(
    String host,
    int port,
    boolean logEnabled,
    boolean gzip,
    boolean httpsEnabled,
    String httpsCertificate,
    String httpsPrivateKey,
    long maxBodySize,
    int instances) {

    /** Splits Kapacitor's {@code bind-address} ({@code ":9092"}, {@code "127.0.0.1:9092"}, {@code "[::1]:9092"}). */
    public static String[] splitBindAddress(String bindAddress) {
        int colon = bindAddress.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid http bind address " + bindAddress + ": missing port");
        }
        String host = bindAddress.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new String[] {host.isEmpty() ? "0.0.0.0" : host, bindAddress.substring(colon + 1)};
    }
}
