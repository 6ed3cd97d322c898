package kapacitor.pipeline;

import kapacitor.util.GoQuote;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Kapacitor's per-node validate() rules; each returns the error text or null. */
final class NodeValidators {

    private NodeValidators() {
    }

    static String dimensions(List<Object> dims, List<Object> excluded) {
        boolean star = false;
        for (Object d : dims) {
            if (d instanceof String) {
                if (((String) d).isEmpty()) {
                    return "dimensions cannot not be the empty string";
                }
            } else if (d instanceof Star) {
                star = true;
            } else {
                return "invalid dimension object of type " + ArgKind.goTypeOf(d);
            }
        }
        if (star && dims.size() > 1) {
            return "cannot group by both '*' and named dimensions.";
        }
        if (!star && !excluded.isEmpty()) {
            return "exclude requires '*'";
        }
        return null;
    }

    static String window(NodeDef w) {
        long periodCount = w.longValue("PeriodCount");
        if (periodCount != 0 && w.durationNanos("Period") != 0) {
            return "cannot specify both period and periodCount";
        }
        if (periodCount != 0 && w.has("Align")) {
            return "can only align windows based off time, not count";
        }
        if (periodCount != 0 && w.longValue("EveryCount") <= 0) {
            return "everyCount must be greater than zero";
        }
        return null;
    }

    static String barrier(NodeDef b) {
        long idle = b.durationNanos("Idle");
        long period = b.durationNanos("Period");
        if (idle != 0 && period != 0) {
            return "cannot specify both idle and period";
        }
        if (period == 0 && idle <= 0) {
            return "idle must be greater than zero";
        }
        if (period <= 0 && idle == 0) {
            return "period must be greater than zero";
        }
        return null;
    }

    static String defaults(NodeDef n) {
        for (List<Object> call : n.calls("Field")) {
            Object v = call.get(1);
            if (!(v instanceof Double || v instanceof Long || v instanceof Boolean || v instanceof String)) {
                return "unsupported type " + ArgKind.goTypeOf(v) + " for field " + GoQuote.quote((String) call.get(0))
                    + ", field default values must be float,int,string or bool";
            }
        }
        return null;
    }

    static String eval(NodeDef e) {
        List<Object> as = e.values("As");
        int lambdas = e.values("Lambdas").size();
        if (as.size() != lambdas) {
            return "must specify same number of expressions and .as() names: got " + as.size()
                + " as names, and " + lambdas + " expressions.";
        }
        for (Object tag : e.values("Tags")) {
            if (!as.contains(tag)) {
                return "invalid tag name " + GoQuote.quote((String) tag) + ", name is not present is .as() names";
            }
        }
        return null;
    }

    static String combine(NodeDef n) {
        List<Object> names = n.values("As");
        if (names.isEmpty()) {
            return "a call to combine.as() is required to specify the output stream prefixes.";
        }
        if (names.size() != n.values("Lambdas").size()) {
            return "number of prefixes specified by combine.as() must match the number of combine expressions";
        }
        String delimiter = n.stringValue("Delimiter");
        for (Object o : names) {
            String name = (String) o;
            if (name.isEmpty()) {
                return "must provide a prefix name for the combine node, see .as() property method";
            }
            if (name.contains(delimiter)) {
                return "cannot use name " + name + " as field prefix, it contains the delimiter character " + delimiter;
            }
        }
        return unique(names);
    }

    static String join(NodeDef j) {
        List<Object> names = j.values("As");
        if (names.isEmpty()) {
            return "a call to join.as() is required to specify the output stream prefixes.";
        }
        if (names.size() != j.parents().size()) {
            return "number of prefixes specified by join.as() must match the number of joined streams";
        }
        String delimiter = j.stringValue("Delimiter");
        for (Object o : names) {
            String name = (String) o;
            if (name.isEmpty()) {
                return "must provide a prefix name for the join node, see .as() property method";
            }
            if (!delimiter.isEmpty() && name.contains(delimiter)) {
                // Kapacitor's text ends with a tab.
                return "cannot use name " + name + " as field prefix, it contains the delimiter "
                    + GoQuote.quote(delimiter) + "\t";
            }
        }
        return unique(names);
    }

    private static String unique(List<Object> names) {
        Set<Object> seen = new HashSet<>();
        for (Object name : names) {
            if (!seen.add(name)) {
                return "cannot use the same prefix name see .as() property method";
            }
        }
        return null;
    }

    static String httpPost(NodeDef p) {
        int urls = p.values("URLs").size();
        int endpoints = p.allValues("Endpoint").size();
        if (urls >= 2) {
            return "httpPost expects 0 or 1 arguments, got " + urls;
        }
        if (endpoints > 1) {
            return "httpPost expects 0 or 1 endpoints, got " + endpoints;
        }
        if (urls == 0 && endpoints == 0) {
            return "must provide url or endpoint";
        }
        if (urls > 0 && endpoints > 0) {
            return "only one endpoint and url may be specified";
        }
        return authenticateHeader(p);
    }

    private static String authenticateHeader(PropertyHolder h) {
        for (List<Object> call : h.calls("Header")) {
            if (((String) call.get(0)).toUpperCase(Locale.ROOT).equals("AUTHENTICATE")) {
                return "cannot set 'authenticate' header";
            }
        }
        return null;
    }

    static String loopback(NodeDef k) {
        if (k.stringValue("Database").isEmpty()) {
            return "must specify a database";
        }
        if (k.stringValue("RetentionPolicy").isEmpty()) {
            return "must specify a retention policy";
        }
        return null;
    }

    static String k8sAutoscale(NodeDef n) {
        boolean name = !n.stringValue("ResourceName").isEmpty();
        boolean tag = !n.stringValue("ResourceNameTag").isEmpty();
        if (name == tag) {
            return "must specify exactly one of ResourceName or ResourceNameTag";
        }
        String kind = n.stringValue("Kind");
        if (!List.of("deployments", "replicationcontrollers", "replicasets").contains(kind)) {
            return "invalid Kind, must be 'deployments', 'replicasets' or 'replicationcontrollers', got " + kind;
        }
        return minAndReplicas(n);
    }

    static String autoscale(NodeDef n, String nameField, String tagField) {
        boolean name = !n.stringValue(nameField).isEmpty();
        boolean tag = !n.stringValue(tagField).isEmpty();
        if (name == tag) {
            return "must specify exactly one of " + nameField + " or " + tagField;
        }
        return minAndReplicas(n);
    }

    private static String minAndReplicas(NodeDef n) {
        if (n.longValue("Min") < 1) {
            return "min must be >= 1, got " + n.longValue("Min");
        }
        if (!n.has("Replicas")) {
            return "must provide a replicas lambda expression";
        }
        return null;
    }

    static String alert(NodeDef a) {
        for (HandlerDef snmp : a.handlers("snmpTrap")) {
            String oid = snmp.stringValue("TrapOid");
            String err = null;
            if (oid.isEmpty()) {
                err = "you must supply a trap Oid";
            } else {
                for (List<Object> d : snmp.calls("Data")) {
                    if (!List.of("c", "i", "n", "s", "t").contains(d.get(1))) {
                        err = "unsupported data type " + GoQuote.quote((String) d.get(1)) + " for data entry "
                            + GoQuote.quote((String) d.get(0));
                        break;
                    }
                }
            }
            if (err != null) {
                return "invalid SNMP trap " + GoQuote.quote(oid) + ": " + err;
            }
        }
        for (HandlerDef post : a.handlers("post")) {
            String err = authenticateHeader(post);
            if (err != null) {
                return "invalid post: " + err;
            }
        }
        return null;
    }
}
