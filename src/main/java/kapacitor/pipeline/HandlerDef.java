package kapacitor.pipeline;

/**
 * An alert handler created by an alert property method ({@code .slack()}, {@code .post(url)}...). Its own
 * properties are kept here; properties it does not have apply to its alert node, as in Kapacitor.
 */
public final class HandlerDef extends PropertyHolder {

    private final NodeSpec spec;
    private final NodeDef alert;

    HandlerDef(NodeSpec spec, NodeDef alert) {
        this.spec = spec;
        this.alert = alert;
    }

    /** Handler type: the TICKscript property name that created it ("slack", "post", "snmpTrap"...). */
    public String type() {
        return spec.type();
    }

    @Override
    public NodeDef node() {
        return alert;
    }

    @Override
    public String goType() {
        return spec.goType();
    }

    @Override
    public NodeSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return alert.name() + "." + type();
    }
}
