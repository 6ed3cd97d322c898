package kapacitor.pipeline;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Describes one Kapacitor node type (or alert handler type): its TICKscript properties and chaining methods, its
 * edge types and its validation. Properties and chaining methods are separate name spaces, as in Kapacitor
 * (alert has both a {@code .log(path)} property and a {@code |log()} chaining method).
 */
public final class NodeSpec {

    /** A node's wanted/provided edge: a fixed type, or the parent's provided type when null. */
    public record EdgeRule(EdgeType fixed) {
        public static final EdgeRule PARENT = new EdgeRule(null);
        public static final EdgeRule STREAM = new EdgeRule(EdgeType.STREAM);
        public static final EdgeRule BATCH = new EdgeRule(EdgeType.BATCH);
        public static final EdgeRule NONE = new EdgeRule(EdgeType.NO_EDGE);

        public EdgeType resolve(EdgeType parentProvides) {
            return fixed == null ? parentProvides : fixed;
        }
    }

    private final String type;
    private final String goType;
    private final EdgeRule wants;
    private final EdgeRule provides;
    private final boolean handler;
    private final Map<String, PropertySpec> properties;
    private final Map<String, ChainSpec> chains;
    private final BiConsumer<NodeDef, List<Object>> initializer;
    private final Function<EdgeType, String> chainGuard;
    private final Function<NodeDef, String> validator;

    private NodeSpec(Builder b) {
        this.type = b.type;
        this.goType = b.goType;
        this.wants = b.wants;
        this.provides = b.provides;
        this.handler = b.handler;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        this.chains = Collections.unmodifiableMap(new LinkedHashMap<>(b.chains));
        this.initializer = b.initializer;
        this.chainGuard = b.chainGuard;
        this.validator = b.validator;
    }

    public static Builder node(String type, String goType, EdgeRule wants, EdgeRule provides) {
        return new Builder(type, goType, wants, provides, false);
    }

    public static Builder handler(String type, String goType) {
        return new Builder(type, goType, EdgeRule.NONE, EdgeRule.NONE, true);
    }

    /** Kapacitor's node description: the DOT name prefix ("window", "http_out", "groupby", "mean"...). */
    public String type() {
        return type;
    }

    public String goType() {
        return goType;
    }

    public EdgeRule wants() {
        return wants;
    }

    public EdgeRule provides() {
        return provides;
    }

    public boolean isHandler() {
        return handler;
    }

    /** Properties keyed by Go name. */
    public Map<String, PropertySpec> properties() {
        return properties;
    }

    /** Chaining methods keyed by Go name. */
    public Map<String, ChainSpec> chains() {
        return chains;
    }

    /** Looks a property up by its TICKscript name ({@code period}, {@code URL}) or Go name. */
    public PropertySpec property(String name) {
        return properties.get(NodeSpecs.goName(name));
    }

    public ChainSpec chain(String name) {
        return chains.get(NodeSpecs.goName(name));
    }

    public boolean hasProperty(String name) {
        return property(name) != null;
    }

    public boolean hasChain(String name) {
        return chain(name) != null;
    }

    /** Sets the properties Kapacitor's constructor sets from the chaining-method arguments and defaults. */
    void initialize(NodeDef node, List<Object> args) {
        if (initializer != null) {
            initializer.accept(node, args);
        }
    }

    /** Kapacitor panics when some nodes are chained from the wrong edge; returns that text or null. */
    String guard(EdgeType parentProvides) {
        return chainGuard == null ? null : chainGuard.apply(parentProvides);
    }

    /** The node's own validation (Kapacitor's validate()); returns the error text or null. */
    String validate(NodeDef node) {
        return validator == null ? null : validator.apply(node);
    }

    @Override
    public String toString() {
        return type;
    }

    /** Builds a spec; property and chain helpers are named after the Go shapes they describe. */
    public static final class Builder {
        private final String type;
        private final String goType;
        private final EdgeRule wants;
        private final EdgeRule provides;
        private final boolean handler;
        private final Map<String, PropertySpec> properties = new LinkedHashMap<>();
        private final Map<String, ChainSpec> chains = new LinkedHashMap<>();
        private BiConsumer<NodeDef, List<Object>> initializer;
        private Function<EdgeType, String> chainGuard;
        private Function<NodeDef, String> validator;

        private Builder(String type, String goType, EdgeRule wants, EdgeRule provides, boolean handler) {
            this.type = type;
            this.goType = goType;
            this.wants = wants;
            this.provides = provides;
            this.handler = handler;
        }

        /** A Go field set by assignment: exactly one value of the kind. */
        public Builder field(String goName, ArgKind kind) {
            properties.putIfAbsent(goName,
                new PropertySpec(goName, true, List.of(kind), false, PropertySpec.Returns.SELF, null));
            return this;
        }

        public Builder fields(ArgKind kind, String... goNames) {
            for (String n : goNames) {
                field(n, kind);
            }
            return this;
        }

        /** A property method with fixed parameters. */
        public Builder method(String goName, ArgKind... params) {
            return add(goName, false, PropertySpec.Returns.SELF, null, params);
        }

        /** A property method whose last parameter is variadic. */
        public Builder variadic(String goName, ArgKind... params) {
            return add(goName, true, PropertySpec.Returns.SELF, null, params);
        }

        /** An alert property method returning the alert data view. */
        public Builder alertMethod(String goName, boolean variadic, ArgKind... params) {
            return add(goName, variadic, PropertySpec.Returns.ALERT_DATA, null, params);
        }

        /** An alert property method creating a handler of the given type. */
        public Builder handlerMethod(String goName, String handlerType, boolean variadic, ArgKind... params) {
            return add(goName, variadic, PropertySpec.Returns.HANDLER, handlerType, params);
        }

        private Builder add(String goName, boolean variadic, PropertySpec.Returns returns, String handlerType,
                            ArgKind... params) {
            properties.putIfAbsent(goName,
                new PropertySpec(goName, false, Arrays.asList(params), variadic, returns, handlerType));
            return this;
        }

        /** Adds every property of another spec not already declared (Go embedding: own names win). */
        public Builder inheritProperties(Map<String, PropertySpec> inherited) {
            inherited.forEach(properties::putIfAbsent);
            return this;
        }

        public Builder chains(Map<String, ChainSpec> list) {
            list.forEach(chains::putIfAbsent);
            return this;
        }

        public Builder init(BiConsumer<NodeDef, List<Object>> init) {
            this.initializer = init;
            return this;
        }

        public Builder guard(Function<EdgeType, String> guard) {
            this.chainGuard = guard;
            return this;
        }

        public Builder validator(Function<NodeDef, String> v) {
            this.validator = v;
            return this;
        }

        public NodeSpec build() {
            return new NodeSpec(this);
        }
    }
}
