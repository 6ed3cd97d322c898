package kapacitor.tick.eval;

import kapacitor.util.GoQuote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kapacitor.pipeline.DurationValue;
import kapacitor.pipeline.LambdaValue;
import kapacitor.pipeline.Pipeline;
import kapacitor.pipeline.PipelineException;
import kapacitor.pipeline.Position;
import kapacitor.pipeline.Reference;
import kapacitor.pipeline.Regex;
import kapacitor.pipeline.Star;
import kapacitor.pipeline.TickObject;
import kapacitor.pipeline.UdfInfo;
import kapacitor.tick.ast.BinaryNode;
import kapacitor.tick.ast.BoolNode;
import kapacitor.tick.ast.ChainNode;
import kapacitor.tick.ast.DeclarationNode;
import kapacitor.tick.ast.DurationNode;
import kapacitor.tick.ast.FuncType;
import kapacitor.tick.ast.FunctionNode;
import kapacitor.tick.ast.IdentifierNode;
import kapacitor.tick.ast.LambdaNode;
import kapacitor.tick.ast.ListNode;
import kapacitor.tick.ast.Node;
import kapacitor.tick.ast.NumberNode;
import kapacitor.tick.ast.ProgramNode;
import kapacitor.tick.ast.ReferenceNode;
import kapacitor.tick.ast.RegexNode;
import kapacitor.tick.ast.StarNode;
import kapacitor.tick.ast.StringNode;
import kapacitor.tick.ast.TypeDeclarationNode;
import kapacitor.tick.ast.UnaryNode;
import kapacitor.tick.lexer.TokenType;

/**
 * Kapacitor's TICKscript evaluator (tick.Evaluate): walks a program, keeps the var scope, calls chaining and
 * property methods on the pipeline and collects the declared vars with their defaults.
 *
 * <p>Values are Boolean, Long, Double, String, DurationValue, Regex, LambdaNode, Star, List, Reference, pipeline
 * objects, {@link TimeDimension}, {@link Zero} (a template var without a value) and {@link Unbound} (a call not yet
 * applied to its receiver). As in Kapacitor, a bare identifier stays unresolved until its consumer looks it up, so
 * an unused undefined name is not an error.
 */
final class Evaluator {

    /** The value of the built-in global function {@code time()}. */
    private static final Object TIME_FUNCTION = new Object() {
        @Override
        public String toString() {
            return "func(time.Duration, ...time.Duration) (kapacitor.TimeDimension, error)";
        }
    };

    /** The value a template var without a default takes for lambda, regex, star and list types (Go's typed nil). */
    record Zero(ValueType type) {
    }

    /** A function call whose receiver is supplied by the enclosing chain (or null for a global call). */
    final class Unbound {
        private final FunctionNode function;
        private final List<Object> args;

        Unbound(FunctionNode function, List<Object> args) {
            this.function = function;
            this.args = args;
        }

        Object call(Object receiver) {
            return callFunction(function, args, receiver);
        }
    }

    private final Pipeline pipeline;
    private final Map<String, UdfInfo> udfs;
    private final Map<String, TickVar> predefined;
    private final boolean ignoreMissingVars;
    private final Map<String, Object> scope = new LinkedHashMap<>();
    private final Map<String, TickVar> declared = new TreeMap<>();

    Evaluator(Pipeline pipeline, String sourceName, Map<String, UdfInfo> udfs, Map<String, TickVar> predefined,
              boolean ignoreMissingVars) {
        this.pipeline = pipeline;
        this.udfs = udfs;
        this.predefined = predefined;
        this.ignoreMissingVars = ignoreMissingVars;
        scope.put("time", TIME_FUNCTION);
        scope.put(sourceName, pipeline.source());
        pipeline.dynamicMethods(udfs.keySet());
    }

    /** Evaluates the program; returns the vars it declares (with default values) by name. */
    Map<String, TickVar> run(ProgramNode program) {
        for (Node n : program.nodes()) {
            Object result = eval(n);
            if (result instanceof Unbound) {
                ((Unbound) result).call(null);
            }
        }
        return declared;
    }

    private Object eval(Node n) {
        if (n instanceof BoolNode) {
            return ((BoolNode) n).value();
        } else if (n instanceof NumberNode) {
            NumberNode num = (NumberNode) n;
            return num.isInt() ? (Object) num.intValue() : (Object) num.floatValue();
        } else if (n instanceof DurationNode) {
            return new DurationValue(((DurationNode) n).nanos());
        } else if (n instanceof StringNode) {
            return ((StringNode) n).literal();
        } else if (n instanceof RegexNode) {
            return new Regex(((RegexNode) n).pattern());
        } else if (n instanceof StarNode) {
            return Star.INSTANCE;
        } else if (n instanceof ReferenceNode) {
            return new Reference(((ReferenceNode) n).reference());
        } else if (n instanceof UnaryNode) {
            UnaryNode u = (UnaryNode) n;
            return unary(u, eval(u.node()));
        } else if (n instanceof BinaryNode) {
            return ConstantExpression.evaluate(Literals.resolveIdents(n, this::lookup));
        } else if (n instanceof LambdaNode) {
            LambdaNode l = (LambdaNode) n;
            return new LambdaNode(l.position(), Literals.resolveIdents(l.expression(), this::lookup), l.comment());
        } else if (n instanceof ListNode) {
            List<Object> values = new ArrayList<>();
            for (Node e : ((ListNode) n).nodes()) {
                values.add(resolve(eval(e)));
            }
            return values;
        } else if (n instanceof TypeDeclarationNode) {
            typeDeclaration((TypeDeclarationNode) n);
            return null;
        } else if (n instanceof DeclarationNode) {
            DeclarationNode d = (DeclarationNode) n;
            declaration(d, eval(d.right()));
            return null;
        } else if (n instanceof ChainNode) {
            ChainNode c = (ChainNode) n;
            Object left = eval(c.left());
            Object right = eval(c.right());
            return chain(c, left, right);
        } else if (n instanceof FunctionNode) {
            FunctionNode f = (FunctionNode) n;
            List<Object> args = new ArrayList<>();
            for (Node a : f.args()) {
                Object v = eval(a);
                if (v instanceof IdentifierNode) {
                    v = lookup(((IdentifierNode) v).ident());
                } else if (v instanceof Unbound) {
                    v = ((Unbound) v).call(null);
                }
                args.add(v);
            }
            return new Unbound(f, args);
        }
        // identifiers, dbrp statements and comments evaluate to themselves
        return n;
    }

    private Object resolve(Object v) {
        return v instanceof IdentifierNode ? lookup(((IdentifierNode) v).ident()) : v;
    }

    /** The value of a name in scope; Kapacitor's error carries no position. */
    Object lookup(String name) {
        Object v = scope.get(name);
        if (v == null) {
            throw new TickException("name " + GoQuote.quote(name) + " is undefined. Names in scope: "
                + String.join(",", scope.keySet()));
        }
        return v;
    }

    private Object unary(UnaryNode u, Object operand) {
        Object v = resolve(operand);
        if (u.operator() == TokenType.MINUS) {
            if (v instanceof Double) {
                return -(Double) v;
            } else if (v instanceof Long) {
                return -(Long) v;
            } else if (v instanceof DurationValue) {
                return new DurationValue(-((DurationValue) v).nanos());
            }
            throw error(u, "invalid arugument to '-' " + GoText.value(v));
        }
        if (v instanceof Boolean) {
            return !(Boolean) v;
        }
        throw error(u, "invalid arugument to '!' " + GoText.value(v));
    }

    private void typeDeclaration(TypeDeclarationNode node) {
        ValueType type = ValueType.fromDeclName(node.type().ident());
        if (type == null) {
            throw new TickException("invalid var type " + GoQuote.quote(node.type().ident()));
        }
        String name = node.node().ident();
        String desc = node.comment() == null ? "" : node.comment().text();
        declared.put(name, new TickVar(type, null, desc));
        TickVar supplied = predefined.get(name);
        if (supplied != null) {
            if (supplied.type() != type) {
                throw wrongType(name, supplied.type(), type);
            }
            scope.put(name, fromVar(supplied));
        } else if (ignoreMissingVars) {
            scope.put(name, zero(type));
        } else {
            throw new TickException("missing value for var " + GoQuote.quote(name) + ".");
        }
    }

    private void declaration(DeclarationNode node, Object right) {
        String name = node.left().ident();
        if (scope.containsKey(name)) {
            throw new TickException("attempted to redefine " + name + ", vars are immutable");
        }
        Object value = resolve(right);
        ValueType type = typeOf(value);
        if (type != ValueType.INVALID) {
            String desc = node.comment() == null ? "" : node.comment().text();
            declared.put(name, toVar(value, type, desc));
        }
        TickVar supplied = predefined.get(name);
        if (supplied != null) {
            if (supplied.type() != type) {
                throw wrongType(name, supplied.type(), type);
            }
            value = fromVar(supplied);
        }
        scope.put(name, value);
    }

    private static TickException wrongType(String name, ValueType got, ValueType exp) {
        return new TickException("invalid type supplied for " + name + ", got " + got.text() + " exp " + exp.text());
    }

    private Object chain(ChainNode c, Object leftRaw, Object right) {
        Object left = resolve(leftRaw);
        if (right instanceof Unbound) {
            return ((Unbound) right).call(left);
        }
        if (right instanceof IdentifierNode) {
            // Reading a node's field (node.field) is something no Kapacitor pipeline object supports for the
            // fields a script can name, so it always ends in this error.
            throw error(c, "object " + GoText.typeOf(left) + " has no property " + ((IdentifierNode) right).ident());
        }
        throw error(c, "invalid right operand of type " + GoText.typeOf(right) + " to '.' operator");
    }

    private Object callFunction(FunctionNode f, List<Object> rawArgs, Object receiver) {
        List<Object> args = rawArgs;
        if (args.size() == 1 && args.get(0) instanceof List) {
            args = new ArrayList<>((List<?>) args.get(0));
        }
        Position pos = position(f);
        if (f.type() == FuncType.GLOBAL) {
            if (receiver != null) {
                throw error(f, "calling global function on object " + GoText.typeOf(receiver));
            }
            Object fn = scope.get(f.func());
            if (fn == null) {
                throw error(f, "no global function " + GoQuote.quote(f.func()) + " defined");
            }
            if (fn != TIME_FUNCTION) {
                throw callPanic(f, receiver, "reflect: call of reflect.Value.Call on " + GoText.kind(fn) + " Value");
            }
            return GlobalFunctions.time(args, msg -> callPanic(f, null, msg), msg -> error(f, msg));
        }
        String name = f.func();
        if (!(receiver instanceof TickObject)) {
            throw notAnObject(f, receiver);
        }
        TickObject obj = (TickObject) receiver;
        List<Object> pargs = pipelineArgs(args);
        try {
            switch (f.type()) {
                case CHAIN:
                    return pipeline.chain(obj, name, pargs, pos);
                case PROPERTY:
                    return pipeline.property(obj, name, pargs, pos);
                default:
                    return dynamic(f, obj);
            }
        } catch (PipelineException e) {
            throw new TickException(e.getMessage(), e);
        }
    }

    private Object dynamic(FunctionNode f, TickObject obj) {
        String name = f.func();
        UdfInfo udf = udfs.get(name);
        if (udf != null) {
            if (obj != obj.node()) {
                // UDFs hang off nodes only; Kapacitor's message has no position.
                throw new TickException("cannot call " + name + " on " + obj.goType());
            }
            return pipeline.udf(obj, udf);
        }
        if (obj.spec().hasProperty(name)) {
            throw error(f, "no dynamic method " + GoQuote.quote(name) + " on " + obj.goType()
                + ", but property does exist. Use '.' operator instead: 'node." + name + "(..)'.");
        }
        if (obj.spec().hasChain(name)) {
            throw error(f, "no dynamic method " + GoQuote.quote(name) + " on " + obj.goType()
                + ", but chaining method does exist. Use '|' operator instead: 'node|" + name + "(..)'.");
        }
        throw error(f, "no method or property " + GoQuote.quote(name) + " on " + obj.goType());
    }

    /** Calling a method on a value that is not a pipeline object, as Kapacitor's reflection describer fails. */
    private TickException notAnObject(FunctionNode f, Object receiver) {
        if (receiver == null || GoText.kind(receiver).equals("ptr")) {
            return error(f, "no method or property " + GoQuote.quote(f.func()) + " on " + GoText.typeOf(receiver));
        }
        return error(f, "cannot get properties of non pointer value");
    }

    private TickException callPanic(FunctionNode f, Object receiver, String cause) {
        return error(f, "error calling func " + GoQuote.quote(f.func()) + " on obj " + GoText.typeOf(receiver) + ": "
            + cause);
    }

    /** Converts evaluator values to the pipeline's argument values. */
    private static List<Object> pipelineArgs(List<Object> args) {
        List<Object> out = new ArrayList<>(args.size());
        for (Object a : args) {
            out.add(pipelineArg(a));
        }
        return out;
    }

    private static Object pipelineArg(Object a) {
        if (a instanceof LambdaNode) {
            return new LambdaValue(a);
        } else if (a instanceof Zero) {
            switch (((Zero) a).type()) {
                case LAMBDA:
                    return new LambdaValue(null);
                case REGEX:
                    return new Regex(null);
                case STAR:
                    return Star.INSTANCE;
                default:
                    return List.of();
            }
        } else if (a instanceof List) {
            return pipelineArgs(new ArrayList<>((List<?>) a));
        }
        return a;
    }

    static ValueType typeOf(Object v) {
        if (v instanceof Double) {
            return ValueType.FLOAT;
        } else if (v instanceof Long) {
            return ValueType.INT;
        } else if (v instanceof String) {
            return ValueType.STRING;
        } else if (v instanceof Boolean) {
            return ValueType.BOOL;
        } else if (v instanceof Regex) {
            return ValueType.REGEX;
        } else if (v instanceof DurationValue) {
            return ValueType.DURATION;
        } else if (v instanceof LambdaNode) {
            return ValueType.LAMBDA;
        } else if (v instanceof List) {
            return ValueType.LIST;
        } else if (v instanceof Star) {
            return ValueType.STAR;
        } else if (v instanceof Zero) {
            return ((Zero) v).type();
        }
        return ValueType.INVALID;
    }

    private static TickVar toVar(Object value, ValueType type, String desc) {
        if (value instanceof Zero) {
            return new TickVar(type, null, desc);
        }
        if (type == ValueType.LIST) {
            List<TickVar> items = new ArrayList<>();
            for (Object item : (List<?>) value) {
                items.add(new TickVar(typeOf(item), item instanceof Zero ? null : item, ""));
            }
            return new TickVar(type, List.copyOf(items), desc);
        }
        return new TickVar(type, value, desc);
    }

    /** The scope value of a supplied var (a list var's value is the list of its items' values). */
    private static Object fromVar(TickVar v) {
        if (v.value() == null) {
            return zero(v.type());
        }
        if (v.type() == ValueType.LIST) {
            if (!(v.value() instanceof List)) {
                throw new TickException("var has type list but value is type " + GoText.typeOf(v.value()));
            }
            List<Object> values = new ArrayList<>();
            for (Object item : (List<?>) v.value()) {
                values.add(item instanceof TickVar ? ((TickVar) item).value() : item);
            }
            return values;
        }
        return v.value();
    }

    /** Kapacitor's ast.ZeroValue for a type. */
    static Object zero(ValueType type) {
        switch (type) {
            case FLOAT:
                return 0.0;
            case INT:
                return 0L;
            case STRING:
                return "";
            case BOOL:
                return false;
            case DURATION:
                return new DurationValue(0);
            default:
                return new Zero(type);
        }
    }

    private static Position position(Node n) {
        return new Position(n.position().line(), n.position().column());
    }

    private static TickException error(Node n, String message) {
        return new TickException(position(n).prefix() + message);
    }
}
