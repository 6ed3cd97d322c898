package kapacitor.pipeline;

import static kapacitor.pipeline.ArgKind.DURATION;
import static kapacitor.pipeline.ArgKind.INT;
import static kapacitor.pipeline.ArgKind.LAMBDA;
import static kapacitor.pipeline.ArgKind.STRING;
import static kapacitor.pipeline.ArgKind.STRING_LIST;
import static kapacitor.pipeline.NodeSpec.EdgeRule.NONE;
import static kapacitor.pipeline.NodeSpec.EdgeRule.PARENT;
import static kapacitor.pipeline.NodeSpec.EdgeRule.STREAM;

import java.util.List;

/** Nodes sending data out of the task: HTTP, InfluxDB, loopback, and the autoscale nodes. */
final class OutputNodeSpecs {

    private OutputNodeSpecs() {
    }

    static List<NodeSpec> all() {
        return List.of(
            NodeSpec.node("http_out", "*pipeline.HTTPOutNode", PARENT, PARENT)
                .chains(CommonChains.CHAIN_METHODS)
                .field("Endpoint", STRING)
                .method("Quiet")
                .init((n, a) -> n.set("Endpoint", a.get(0)))
                .build(),
            NodeSpec.node("http_post", "*pipeline.HTTPPostNode", PARENT, PARENT)
                .chains(CommonChains.CHAIN_METHODS)
                .method("Endpoint", STRING)
                .method("Header", STRING, STRING)
                .field("CodeField", STRING)
                .method("CaptureResponse")
                .field("URLs", STRING_LIST)
                .field("Timeout", DURATION)
                .method("Quiet")
                .init((n, a) -> n.setList("URLs", a))
                .validator(NodeValidators::httpPost)
                .build(),
            // influxDBOut and kapacitorLoopback end a branch: only stats() and deadman() can follow them.
            NodeSpec.node("influxdb_out", "*pipeline.InfluxDBOutNode", PARENT, NONE)
                .chains(CommonChains.NODE_METHODS)
                .fields(STRING, "Cluster", "Database", "RetentionPolicy", "Measurement", "WriteConsistency",
                    "Precision")
                .field("Buffer", INT)
                .field("FlushInterval", DURATION)
                .method("Tag", STRING, STRING)
                .method("Create")
                .method("Quiet")
                .init((n, a) -> {
                    n.set("Buffer", 1000L);
                    n.set("FlushInterval", new DurationValue(10_000_000_000L));
                })
                .build(),
            NodeSpec.node("kapacitor_loopback", "*pipeline.KapacitorLoopbackNode", PARENT, NONE)
                .chains(CommonChains.NODE_METHODS)
                .fields(STRING, "Database", "RetentionPolicy", "Measurement")
                .method("Tag", STRING, STRING)
                .method("Quiet")
                .validator(NodeValidators::loopback)
                .build(),
            autoscale("k8s_autoscale", "*pipeline.K8sAutoscaleNode")
                .fields(STRING, "Cluster", "Namespace", "Kind", "ResourceName", "ResourceNameTag")
                .fields(STRING, "NamespaceTag", "KindTag", "ResourceTag")
                .init((n, a) -> {
                    n.set("Min", 1L);
                    n.set("Kind", "deployments");
                    n.set("NamespaceTag", "namespace");
                    n.set("KindTag", "kind");
                    n.set("ResourceTag", "resource");
                })
                .validator(NodeValidators::k8sAutoscale)
                .build(),
            autoscale("swarm_autoscale", "*pipeline.SwarmAutoscaleNode")
                .fields(STRING, "Cluster", "ServiceName", "ServiceNameTag", "OutputServiceNameTag")
                .init((n, a) -> n.set("Min", 1L))
                .validator(n -> NodeValidators.autoscale(n, "ServiceName", "ServiceNameTag"))
                .build(),
            autoscale("ec2_autoscale", "*pipeline.Ec2AutoscaleNode")
                .fields(STRING, "Cluster", "GroupName", "GroupNameTag", "OutputGroupNameTag")
                .init((n, a) -> n.set("Min", 1L))
                .validator(n -> NodeValidators.autoscale(n, "GroupName", "GroupNameTag"))
                .build());
    }

    private static NodeSpec.Builder autoscale(String type, String goType) {
        return NodeSpec.node(type, goType, PARENT, STREAM)
            .chains(CommonChains.CHAIN_METHODS)
            .field("CurrentField", STRING)
            .fields(INT, "Max", "Min")
            .field("Replicas", LAMBDA)
            .fields(DURATION, "IncreaseCooldown", "DecreaseCooldown")
            .method("Quiet");
    }
}
