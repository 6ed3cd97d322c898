package kapacitor.tick.expr;

import java.util.regex.Pattern;

/** A double-quoted reference to a field, tag or {@code "time"}, resolved through the scope on every evaluation. */
final class ReferenceEval extends Eval {
    private final String name;

    ReferenceEval(String name) {
        // Interned so scopes can recognise a repeated lookup of the same name by identity.
        this.name = name.intern();
    }

    String name() {
        return name;
    }

    private ValueType lookup(Scope s) {
        ValueType t = s.type(name);
        if (t == null) {
            throw new ExprException("name \"" + name + "\" is undefined. Names in scope: "
                + String.join(",", s.names()));
        }
        return t;
    }

    private ExprException wrongType(ValueType requested, ValueType actual) {
        if (actual == ValueType.MISSING) {
            return new ExprException("reference \"" + name + "\" is missing value");
        }
        return new TypeGuardException(requested, actual);
    }

    @Override
    ValueType type(Scope s) {
        return lookup(s);
    }

    @Override
    boolean isDynamic() {
        return true;
    }

    @Override
    double evalFloat(Scope s, ExprState st) {
        ValueType t = lookup(s);
        if (t != ValueType.FLOAT) {
            throw wrongType(ValueType.FLOAT, t);
        }
        return s.getFloat(name);
    }

    @Override
    long evalInt(Scope s, ExprState st) {
        ValueType t = lookup(s);
        if (t != ValueType.INT) {
            throw wrongType(ValueType.INT, t);
        }
        return s.getInt(name);
    }

    @Override
    String evalString(Scope s, ExprState st) {
        ValueType t = lookup(s);
        if (t != ValueType.STRING) {
            throw wrongType(ValueType.STRING, t);
        }
        return s.getString(name);
    }

    @Override
    boolean evalBool(Scope s, ExprState st) {
        ValueType t = lookup(s);
        if (t != ValueType.BOOL) {
            throw wrongType(ValueType.BOOL, t);
        }
        return s.getBool(name);
    }

    @Override
    Pattern evalRegex(Scope s, ExprState st) {
        ValueType t = lookup(s);
        if (t != ValueType.REGEX) {
            throw wrongType(ValueType.REGEX, t);
        }
        return s.getRegex(name);
    }

    @Override
    long evalTime(Scope s, ExprState st) {
        ValueType t = lookup(s);
        if (t != ValueType.TIME) {
            throw wrongType(ValueType.TIME, t);
        }
        return s.getNanos(name);
    }

    @Override
    long evalDuration(Scope s, ExprState st) {
        ValueType t = lookup(s);
        if (t != ValueType.DURATION) {
            throw wrongType(ValueType.DURATION, t);
        }
        return s.getNanos(name);
    }

    @Override
    Missing evalMissing(Scope s, ExprState st) {
        ValueType t = lookup(s);
        if (t == ValueType.MISSING) {
            // Kapacitor reports the missing value as an error that function argument evaluation then ignores.
            throw new ExprException("missing value: \"" + name + "\"");
        }
        throw new TypeGuardException(ValueType.MISSING, t);
    }

    @Override
    Object swallowedMissing() {
        return Missing.VALUE;
    }

    @Override
    String goTypeName() {
        return "*stateful.EvalReferenceNode";
    }

    @Override
    public String toString() {
        return "\"" + name + "\"";
    }
}
