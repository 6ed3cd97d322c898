package kapacitor.pipeline;

import static kapacitor.pipeline.ArgKind.DURATION;
import static kapacitor.pipeline.ArgKind.FLOAT;
import static kapacitor.pipeline.ArgKind.INT;
import static kapacitor.pipeline.ArgKind.LAMBDA;
import static kapacitor.pipeline.ArgKind.STRING;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chaining methods shared by node families: every node has stats() and deadman(); nodes that pass data on
 * ("chain nodes") have the long list Kapacitor defines on its chainnode, including the InfluxQL functions.
 */
final class CommonChains {

    /** Methods of every node (Kapacitor's node). */
    static final Map<String, ChainSpec> NODE_METHODS;
    /** Methods of every node that has outputs (Kapacitor's chainnode), NODE included. */
    static final Map<String, ChainSpec> CHAIN_METHODS;

    static {
        Map<String, ChainSpec> node = new LinkedHashMap<>();
        put(node, special("Stats", "stats", ChainSpec.Kind.STATS, false, DURATION));
        put(node, special("Deadman", "alert", ChainSpec.Kind.DEADMAN, true, FLOAT, DURATION, LAMBDA));
        NODE_METHODS = Collections.unmodifiableMap(node);

        Map<String, ChainSpec> chain = new LinkedHashMap<>(node);
        put(chain, child("Where", "where", false, LAMBDA));
        put(chain, child("HttpOut", "http_out", false, STRING));
        put(chain, child("HttpPost", "http_post", true, STRING));
        put(chain, child("InfluxDBOut", "influxdb_out", false));
        put(chain, child("KapacitorLoopback", "kapacitor_loopback", false));
        put(chain, child("Alert", "alert", false));
        put(chain, special("Union", "union", ChainSpec.Kind.UNION, true, ArgKind.NODE));
        put(chain, special("Join", "join", ChainSpec.Kind.JOIN, true, ArgKind.NODE));
        put(chain, child("Combine", "combine", true, LAMBDA));
        put(chain, child("Flatten", "flatten", false));
        put(chain, child("Eval", "eval", true, LAMBDA));
        put(chain, child("GroupBy", "groupby", true, ArgKind.ANY));
        put(chain, child("Window", "window", false));
        put(chain, child("Barrier", "barrier", false));
        put(chain, child("Sample", "sample", false, ArgKind.ANY));
        put(chain, child("Derivative", "derivative", false, STRING));
        put(chain, child("ChangeDetect", "changeDetect", true, STRING));
        put(chain, child("Shift", "shift", false, DURATION));
        put(chain, child("Log", "log", false));
        put(chain, child("Default", "default", false));
        put(chain, child("Delete", "delete", false));
        put(chain, child("K8sAutoscale", "k8s_autoscale", false));
        put(chain, child("SwarmAutoscale", "swarm_autoscale", false));
        put(chain, child("Ec2Autoscale", "ec2_autoscale", false));
        put(chain, child("StateDuration", "state_duration", false, LAMBDA));
        put(chain, child("StateCount", "state_count", false, LAMBDA));
        put(chain, child("Sideload", "sideload", false));
        put(chain, child("Trickle", "trickle", false));
        for (String f : InfluxQLNodeSpecs.SINGLE_FIELD) {
            put(chain, child(NodeSpecs.goName(f), f, false, STRING));
        }
        put(chain, child("Percentile", "percentile", false, STRING, FLOAT));
        put(chain, child("Top", "top", true, INT, STRING, STRING));
        put(chain, child("Bottom", "bottom", true, INT, STRING, STRING));
        put(chain, child("Elapsed", "elapsed", false, STRING, DURATION));
        put(chain, child("MovingAverage", "movingAverage", false, STRING, INT));
        put(chain, child("HoltWinters", "holtWinters", false, STRING, INT, INT, DURATION));
        put(chain, child("HoltWintersWithFit", InfluxQLNodeSpecs.WITH_FIT_KEY, false, STRING, INT, INT, DURATION));
        CHAIN_METHODS = Collections.unmodifiableMap(chain);
    }

    private CommonChains() {
    }

    static ChainSpec child(String goName, String childType, boolean variadic, ArgKind... params) {
        return new ChainSpec(goName, childType, Arrays.asList(params), variadic, ChainSpec.Kind.CHILD);
    }

    private static ChainSpec special(String goName, String childType, ChainSpec.Kind kind, boolean variadic,
                                     ArgKind... params) {
        return new ChainSpec(goName, childType, Arrays.asList(params), variadic, kind);
    }

    private static void put(Map<String, ChainSpec> map, ChainSpec c) {
        map.put(c.goName(), c);
    }

    /** CHAIN_NODE plus node-specific chaining methods. */
    static Map<String, ChainSpec> chainNodePlus(ChainSpec... extra) {
        Map<String, ChainSpec> m = new LinkedHashMap<>();
        for (ChainSpec c : extra) {
            m.put(c.goName(), c);
        }
        CHAIN_METHODS.forEach(m::putIfAbsent);
        return m;
    }
}
