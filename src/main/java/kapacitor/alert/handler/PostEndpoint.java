package kapacitor.alert.handler;

import java.util.Map;

/** A configured {@code [[httppost]]} endpoint: its name, URL and headers. */
public record PostEndpoint(String name, String url, Map<String, String> headers) {
    public PostEndpoint {
        headers = Map.copyOf(headers);
    }
}
