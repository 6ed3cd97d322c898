package kapacitor.tick.expr;

/**
 * A binary operation specialised to one (operator, left type, right type); only the method of its result type is
 * implemented. Operands are read through {@link BinaryEval}'s side accessors so a type guard failure knows its side.
 */
abstract class BinaryFn {
    final ValueType ret;

    BinaryFn(ValueType ret) {
        this.ret = ret;
    }

    boolean bool(BinaryEval b, Scope s, ExprState st) {
        throw new IllegalStateException();
    }

    double dbl(BinaryEval b, Scope s, ExprState st) {
        throw new IllegalStateException();
    }

    /** INT results, and DURATION results in nanoseconds. */
    long lng(BinaryEval b, Scope s, ExprState st) {
        throw new IllegalStateException();
    }

    String str(BinaryEval b, Scope s, ExprState st) {
        throw new IllegalStateException();
    }

    /** Runs the operation for its effects and errors when the caller asked for another result type. */
    final void run(BinaryEval b, Scope s, ExprState st) {
        switch (ret) {
            case BOOL:
                bool(b, s, st);
                break;
            case FLOAT:
                dbl(b, s, st);
                break;
            case STRING:
                str(b, s, st);
                break;
            default:
                lng(b, s, st);
        }
    }

    interface BoolOp {
        boolean apply(BinaryEval b, Scope s, ExprState st);
    }

    interface DoubleOp {
        double apply(BinaryEval b, Scope s, ExprState st);
    }

    interface LongOp {
        long apply(BinaryEval b, Scope s, ExprState st);
    }

    interface StringOp {
        String apply(BinaryEval b, Scope s, ExprState st);
    }

    static BinaryFn bool(BoolOp op) {
        return new BinaryFn(ValueType.BOOL) {
            @Override
            boolean bool(BinaryEval b, Scope s, ExprState st) {
                return op.apply(b, s, st);
            }
        };
    }

    static BinaryFn dbl(DoubleOp op) {
        return new BinaryFn(ValueType.FLOAT) {
            @Override
            double dbl(BinaryEval b, Scope s, ExprState st) {
                return op.apply(b, s, st);
            }
        };
    }

    static BinaryFn lng(ValueType ret, LongOp op) {
        return new BinaryFn(ret) {
            @Override
            long lng(BinaryEval b, Scope s, ExprState st) {
                return op.apply(b, s, st);
            }
        };
    }

    static BinaryFn str(StringOp op) {
        return new BinaryFn(ValueType.STRING) {
            @Override
            String str(BinaryEval b, Scope s, ExprState st) {
                return op.apply(b, s, st);
            }
        };
    }
}
