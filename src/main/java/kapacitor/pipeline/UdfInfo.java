package kapacitor.pipeline;

import java.util.List;
import java.util.Map;

/**
 * What a UDF process reports about itself: edges and options (name -> value kinds). Option kinds are among
 * BOOL, INT, FLOAT, STRING, DURATION.
 */
public record UdfInfo(String name, EdgeType wants, EdgeType provides, Map<String, List<ArgKind>> options) {

    public UdfInfo {
        options = Map.copyOf(options);
    }
}
