package kapacitor.tick.expr;

import java.util.ArrayList;
import java.util.List;

/** The argument type lists a function accepts, each with its result type, in Kapacitor's declaration order. */
final class Signature {
    static final int MAX_ARGS = 4;

    private final List<ValueType[]> domains = new ArrayList<>();
    private final List<ValueType> results = new ArrayList<>();

    Signature add(ValueType result, ValueType... domain) {
        domains.add(domain);
        results.add(result);
        return this;
    }

    static Signature of(ValueType result, ValueType... domain) {
        return new Signature().add(result, domain);
    }

    /** The result type for these argument types, or null when no domain matches. */
    ValueType resultFor(ValueType[] argTypes, int n) {
        outer:
        for (int d = 0; d < domains.size(); d++) {
            ValueType[] domain = domains.get(d);
            if (domain.length != n) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (domain[i] != argTypes[i]) {
                    continue outer;
                }
            }
            return results.get(d);
        }
        return null;
    }

    /** {@code (float,int)}: Kapacitor's Domain printing. */
    static String domainString(ValueType[] types, int n) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < n; i++) {
            if (types[i] == ValueType.INVALID) {
                break;
            }
            if (i > 0) {
                sb.append(',');
            }
            sb.append(types[i]);
        }
        return sb.append(')').toString();
    }

    /** {@code [(float), (int)]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int d = 0; d < domains.size(); d++) {
            if (d > 0) {
                sb.append(", ");
            }
            sb.append(domainString(domains.get(d), domains.get(d).length));
        }
        return sb.append(']').toString();
    }
}
