package kapacitor.tick.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A call of a built-in function. Arguments are evaluated to boxed values, as in Kapacitor; {@link #type} checks
 * the argument types against the function's signatures and produces Kapacitor's signature errors.
 */
final class FunctionEval extends Eval {
    private final String name;
    private final Eval[] args;
    private final Func stateless; // null for unknown or stateful functions
    private final int slot;       // ExprState slot of a stateful function, else -1

    FunctionEval(String name, Eval[] args, Func stateless, int slot) {
        this.name = name;
        this.args = args;
        this.stateless = stateless;
        this.slot = slot;
    }

    private Func func(ExprState st) {
        if (slot >= 0) {
            return st.func(slot);
        }
        if (stateless == null) {
            throw new ExprException("undefined function: \"" + name + "\"");
        }
        return stateless;
    }

    private Signature signature() {
        if (stateless != null) {
            return stateless.signature();
        }
        java.util.function.Supplier<Func> f = Builtins.stateful(name);
        if (f == null) {
            throw new ExprException("undefined function: \"" + name + "\"");
        }
        return f.get().signature();
    }

    @Override
    ValueType type(Scope s) {
        Signature sig = signature();
        ValueType[] domain = new ValueType[Math.max(args.length, Signature.MAX_ARGS)];
        java.util.Arrays.fill(domain, ValueType.INVALID);
        for (int i = 0; i < args.length; i++) {
            try {
                domain[i] = args[i].type(s);
            } catch (ExprException e) {
                throw new ExprException("Failed to handle " + (i + 1) + " argument: " + e.getMessage());
            }
        }
        if (args.length > Signature.MAX_ARGS) {
            throw new ExprException("too many arguments provided: Cannot call function \"" + name + "\" with args "
                + Signature.domainString(domain, args.length) + ", available signatures are " + sig + ".");
        }
        ValueType ret = sig.resultFor(domain, args.length);
        if (ret != null) {
            return ret;
        }
        List<String> missing = new ArrayList<>();
        StringBuilder literal = new StringBuilder("(");
        for (int i = 0; i < args.length; i++) {
            if (domain[i] == ValueType.MISSING) {
                missing.add(args[i].toString());
            }
            if (i > 0) {
                literal.append(',');
            }
            literal.append(args[i]).append(": ").append(domain[i]);
        }
        if (!missing.isEmpty()) {
            List<String> inScope = new ArrayList<>();
            for (String n : s.names()) {
                inScope.add("\"" + n + "\"");
            }
            for (String m : missing) {
                inScope.remove(m);
            }
            String fmt = missing.size() > 1
                ? "Cannot call function \"%s\" arguments %s are missing, values in scope are [%s]"
                : "Cannot call function \"%s\" argument %s is missing, values in scope are [%s]";
            throw new ExprException(String.format(fmt, name, String.join(", ", missing), String.join(", ", inScope)));
        }
        throw new ExprException("Cannot call function \"" + name + "\" with args " + literal.append(')')
            + ", available signatures are " + sig + ".");
    }

    @Override
    boolean isDynamic() {
        return true;
    }

    private Object call(Scope s, ExprState st) {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            try {
                values[i] = evalBoxed(args[i], s, st);
            } catch (ExprException e) {
                throw new ExprException("Failed to handle " + (i + 1) + " argument: " + e.getMessage());
            }
        }
        Func f = func(st);
        try {
            return f.call(values);
        } catch (ExprException e) {
            throw new ExprException("error calling \"" + name + "\": " + e.getMessage());
        }
    }

    @Override
    double evalFloat(Scope s, ExprState st) {
        Object v = call(s, st);
        if (v instanceof Double d) {
            return d;
        }
        throw new TypeGuardException(ValueType.FLOAT, ValueType.of(v));
    }

    @Override
    long evalInt(Scope s, ExprState st) {
        Object v = call(s, st);
        if (v instanceof Long l) {
            return l;
        }
        throw new TypeGuardException(ValueType.INT, ValueType.of(v));
    }

    @Override
    String evalString(Scope s, ExprState st) {
        Object v = call(s, st);
        if (v instanceof String str) {
            return str;
        }
        throw new TypeGuardException(ValueType.STRING, ValueType.of(v));
    }

    @Override
    boolean evalBool(Scope s, ExprState st) {
        Object v = call(s, st);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new TypeGuardException(ValueType.BOOL, ValueType.of(v));
    }

    @Override
    Pattern evalRegex(Scope s, ExprState st) {
        Object v = call(s, st);
        if (v instanceof Pattern p) {
            return p;
        }
        throw new TypeGuardException(ValueType.REGEX, ValueType.of(v));
    }

    @Override
    long evalTime(Scope s, ExprState st) {
        Object v = call(s, st);
        if (v instanceof java.time.Instant t) {
            return Values.instantNanos(t);
        }
        throw new TypeGuardException(ValueType.TIME, ValueType.of(v));
    }

    @Override
    long evalDuration(Scope s, ExprState st) {
        Object v = call(s, st);
        if (v instanceof java.time.Duration d) {
            return Values.durationNanos(d);
        }
        throw new TypeGuardException(ValueType.DURATION, ValueType.of(v));
    }

    @Override
    Missing evalMissing(Scope s, ExprState st) {
        Object v = call(s, st);
        if (v instanceof Missing m) {
            return m;
        }
        throw new TypeGuardException(ValueType.MISSING, ValueType.of(v));
    }

    @Override
    String goTypeName() {
        return "*stateful.EvalFunctionNode";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(args[i]);
        }
        return sb.append(')').toString();
    }
}
