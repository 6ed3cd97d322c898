package kapacitor.runtime.operator;

import kapacitor.model.Point;
import kapacitor.runtime.edge.Dimensions;
import kapacitor.runtime.edge.Message;
import kapacitor.runtime.edge.PointMessage;
import kapacitor.runtime.time.GoTime;

import java.util.List;

/**
 * Kapacitor's from(): keeps points of the configured database, retention policy and measurement that pass every
 * where() lambda, then truncates or rounds their time and sets the group-by dimensions.
 */
public final class FromOperator implements Operator {
    private final String db;
    private final String rp;
    private final String measurement;
    private final List<PointPredicate> where;
    private final long truncate;
    private final long round;
    private final boolean byName;
    private final TagNames tagNames;
    private final Dimensions fixedDims;
    private final GroupIdCache groupIds;

    public FromOperator(String db, String rp, String measurement, List<PointPredicate> where, long truncate,
                        long round, boolean byName, List<Object> groupBy) {
        this.db = db;
        this.rp = rp;
        this.measurement = measurement;
        this.where = List.copyOf(where);
        this.truncate = truncate;
        this.round = round;
        this.byName = byName;
        this.tagNames = TagNames.of(groupBy, List.of());
        this.fixedDims = tagNames.all() ? null : Dimensions.intern(new Dimensions(byName, tagNames.names()));
        this.groupIds = fixedDims == null ? null : new GroupIdCache(fixedDims);
    }

    @Override
    public void process(Message m, Output out) {
        if (!m.isData()) {
            out.emit(m);
            return;
        }
        if (!(m instanceof PointMessage pm)) {
            out.error("from does not support batch data");
            return;
        }
        processPoint(pm.point(), out);
    }

    @Override
    public void processPoint(Point p, Output out) {
        if (!matches(p, out)) {
            return;
        }
        if (truncate != 0) {
            p = p.withTime(GoTime.truncate(p.time(), truncate));
        }
        if (round != 0) {
            p = p.withTime(GoTime.round(p.time(), round));
        }
        if (fixedDims != null) {
            out.emit(new PointMessage(p, fixedDims, groupIds.groupId(p)));
        } else {
            out.emit(PointMessage.of(p, new Dimensions(byName, tagNames.resolve(p.tags()))));
        }
    }

    /**
     * The last db, rp and measurement instances seen to match: a request's points share their db and rp Strings and
     * the parser hands out one name String per measurement, so most points match by identity, not by comparing.
     */
    private String matchedDb;
    private String matchedRp;
    private String matchedName;

    private boolean matches(Point p, Output out) {
        String pdb = p.db();
        if (!db.isEmpty() && (pdb == null || pdb != matchedDb)) {
            if (!db.equals(pdb)) {
                return false;
            }
            matchedDb = pdb;
        }
        String prp = p.rp();
        if (!rp.isEmpty() && (prp == null || prp != matchedRp)) {
            if (!rp.equals(prp)) {
                return false;
            }
            matchedRp = prp;
        }
        String name = p.name();
        if (!measurement.isEmpty() && (name == null || name != matchedName)) {
            if (!measurement.equals(name)) {
                return false;
            }
            matchedName = name;
        }
        for (PointPredicate w : where) {
            try {
                if (!w.test(p)) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                out.error("failed to evaluate WHERE expression: " + e.getMessage());
                return false;
            }
        }
        return true;
    }
}
