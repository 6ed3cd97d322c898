package kapacitor.pipeline;

import kapacitor.util.GoQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One chaining-method or property call on a pipeline object, checked the way Kapacitor's evaluator checks it. */
final class TickCalls {

    private static final Map<ArgKind, String> UDF_TYPES = Map.of(ArgKind.BOOL, "BOOL", ArgKind.INT, "INT",
        ArgKind.FLOAT, "DOUBLE", ArgKind.STRING, "STRING", ArgKind.DURATION, "DURATION");

    private final Pipeline pipeline;
    private final Position position;

    TickCalls(Pipeline pipeline, Position position) {
        this.pipeline = pipeline;
        this.position = position;
    }

    TickObject chain(TickObject receiver, String name, List<?> rawArgs) {
        List<Object> args = spread(rawArgs);
        NodeSpec spec = receiver.spec();
        ChainSpec cs = spec.chain(name);
        if (cs == null) {
            if (hasProperty(receiver, name)) {
                throw error("no chaining method " + GoQuote.quote(name) + " on " + receiver.goType()
                    + ", but property does exist. Use '.' operator instead: 'node." + name + "(..)'.");
            }
            if (pipeline.isDynamicMethod(name)) {
                throw error("no chaining method " + GoQuote.quote(name) + " on " + receiver.goType()
                    + ", but dynamic method does exist. Use '@' operator instead: 'node@" + name + "(..)'.");
            }
            throw noMethod(receiver, name);
        }
        checkCall(receiver, name, cs.params(), cs.variadic(), args);
        NodeDef parent = receiver.node();
        try {
            return link(parent, cs, args);
        } catch (ChainPanic p) {
            throw callError(receiver, name, p.getMessage());
        }
    }

    private TickObject link(NodeDef parent, ChainSpec cs, List<Object> args) {
        switch (cs.kind()) {
            case STATS:
                return pipeline.stats(parent, (DurationValue) args.get(0));
            case DEADMAN: {
                List<LambdaValue> extra = new ArrayList<>();
                args.subList(2, args.size()).forEach(a -> extra.add((LambdaValue) a));
                return pipeline.deadman(parent, (Double) args.get(0), ((DurationValue) args.get(1)).nanos(), extra);
            }
            default:
                break;
        }
        NodeSpec childSpec = NodeSpecs.get(cs.childType());
        String panic = childSpec.guard(parent.provides());
        if (panic != null) {
            throw new ChainPanic(panic);
        }
        if (cs.kind() == ChainSpec.Kind.JOIN || cs.kind() == ChainSpec.Kind.UNION) {
            NodeDef child = pipeline.newNode(childSpec, parent.provides(), List.of());
            List<NodeDef> others = new ArrayList<>();
            args.forEach(a -> others.add(((TickObject) a).node()));
            if (cs.kind() == ChainSpec.Kind.JOIN) {
                pipeline.link(parent, child);
                others.forEach(o -> pipeline.link(o, child));
            } else {
                others.forEach(o -> pipeline.link(o, child));
                pipeline.link(parent, child);
            }
            return child;
        }
        NodeDef child = pipeline.newNode(childSpec, parent.provides(), args);
        pipeline.link(parent, child);
        return child;
    }

    TickObject property(TickObject receiver, String name, List<?> rawArgs) {
        List<Object> args = spread(rawArgs);
        NodeDef node = receiver.node();
        if (receiver == node && node.udf() != null && node.udf().options().containsKey(name)) {
            return udfOption(node, name, args);
        }
        PropertySpec ps = receiver.spec().property(name);
        if (ps == null) {
            if (receiver.spec().hasChain(name)) {
                throw error("no property method " + GoQuote.quote(name) + " on " + receiver.goType()
                    + ", but chaining method does exist. Use '|' operator instead: 'node|" + name + "(..)'.");
            }
            if (pipeline.isDynamicMethod(name)) {
                throw error("no property method " + GoQuote.quote(name) + " on " + receiver.goType()
                    + ", but dynamic method does exist. Use '@' operator instead: 'node@" + name + "(..)'.");
            }
            throw noMethod(receiver, name);
        }
        // A handler's own properties live on the handler; the ones it inherits from the alert act on the alert.
        PropertyHolder target = receiver instanceof HandlerDef && !isInheritedFromAlert(ps)
            ? (HandlerDef) receiver : node;
        if (ps.field()) {
            if (args.size() != 1) {
                throw error("too many arguments to set property " + NodeSpecs.goName(name) + " on "
                    + receiver.goType());
            }
            String err = CallCheck.set(ps.params().get(0), args.get(0));
            if (err != null) {
                throw callError(receiver, name, err);
            }
            target.set(ps.goName(), args.get(0));
            return receiver;
        }
        checkCall(receiver, name, ps.params(), ps.variadic(), args);
        switch (ps.returns()) {
            case HANDLER: {
                HandlerDef h = new HandlerDef(NodeSpecs.handler(ps.handler()), node);
                AlertNodeSpecs.initHandler(h, args);
                node.addHandler(h);
                return h;
            }
            case ALERT_DATA:
                node.addCall(ps.goName(), args);
                return new AlertDataRef(node);
            default:
                target.addCall(ps.goName(), args);
                return receiver;
        }
    }

    private static boolean isInheritedFromAlert(PropertySpec ps) {
        // Handler specs share the alert's PropertySpec instances for the properties they inherit.
        return AlertNodeSpecs.ALERT.properties().get(ps.goName()) == ps;
    }

    private boolean hasProperty(TickObject receiver, String name) {
        NodeDef node = receiver.node();
        return receiver.spec().hasProperty(name)
            || receiver == node && node.udf() != null && node.udf().options().containsKey(name);
    }

    private TickObject udfOption(NodeDef node, String name, List<Object> args) {
        List<ArgKind> expected = node.udf().options().get(name);
        if (args.size() != expected.size()) {
            throw error("unexpected number of args to " + name + ", got " + args.size() + " expected "
                + expected.size());
        }
        for (int i = 0; i < args.size(); i++) {
            String got = udfType(args.get(i));
            String exp = UDF_TYPES.getOrDefault(expected.get(i), expected.get(i).name());
            if (!got.equals(exp)) {
                throw error("unexpected arg to " + name + ", got " + got + " expected " + exp);
            }
        }
        node.addUdfOption(new UdfOption(name, args));
        return node;
    }

    /** The UDF protocol's value type of an argument; unsupported values read as the zero type, BOOL. */
    private static String udfType(Object v) {
        if (v instanceof Long) {
            return "INT";
        } else if (v instanceof Double) {
            return "DOUBLE";
        } else if (v instanceof String) {
            return "STRING";
        } else if (v instanceof DurationValue) {
            return "DURATION";
        }
        return "BOOL";
    }

    private void checkCall(TickObject receiver, String name, List<ArgKind> params, boolean variadic,
                           List<Object> args) {
        String err = CallCheck.call(params, variadic, args);
        if (err != null) {
            throw callError(receiver, name, err);
        }
    }

    private PipelineException callError(TickObject receiver, String name, String cause) {
        String msg = "error calling func " + GoQuote.quote(name) + " on obj " + receiver.goType() + ": " + cause;
        if (msg.contains("*ast.ReferenceNode") && msg.contains("type string")) {
            msg = "cannot assign *ast.ReferenceNode to type string, "
                + "did you use double quotes instead of single quotes?";
        }
        return error(msg);
    }

    private PipelineException noMethod(TickObject receiver, String name) {
        return error("no method or property " + GoQuote.quote(name) + " on " + receiver.goType());
    }

    private PipelineException error(String message) {
        return new PipelineException(message, position);
    }

    /** Normalizes Java values and spreads a single list argument into the argument list, as Kapacitor does. */
    private static List<Object> spread(List<?> raw) {
        List<Object> args = new ArrayList<>();
        for (Object a : raw) {
            args.add(ArgKind.normalize(a));
        }
        if (args.size() == 1 && args.get(0) instanceof List) {
            return new ArrayList<>((List<?>) args.get(0));
        }
        return args;
    }
}
