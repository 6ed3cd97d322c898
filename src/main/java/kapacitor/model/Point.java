package kapacitor.model;

import java.util.Objects;

/**
 * One data point: measurement name, database, retention policy, sorted tags, fields and time in epoch
 * nanoseconds. Immutable and shared freely between tasks and groups; changes make copies.
 */
public final class Point {
    private final String name;
    private final String db;
    private final String rp;
    private final Tags tags;
    private final Fields fields;
    private final long time;

    public Point(String name, String db, String rp, Tags tags, Fields fields, long time) {
        this.name = name;
        this.db = db;
        this.rp = rp;
        this.tags = tags;
        this.fields = fields;
        this.time = time;
    }

    public String name() {
        return name;
    }

    public String db() {
        return db;
    }

    public String rp() {
        return rp;
    }

    public Tags tags() {
        return tags;
    }

    public Fields fields() {
        return fields;
    }

    /** Epoch nanoseconds. */
    public long time() {
        return time;
    }

    public Point withName(String newName) {
        return new Point(newName, db, rp, tags, fields, time);
    }

    public Point withTags(Tags newTags) {
        return new Point(name, db, rp, newTags, fields, time);
    }

    public Point withFields(Fields newFields) {
        return new Point(name, db, rp, tags, newFields, time);
    }

    public Point withTime(long newTime) {
        return new Point(name, db, rp, tags, fields, newTime);
    }

    public Point withDbRp(String newDb, String newRp) {
        return new Point(name, newDb, newRp, tags, fields, time);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Point p && time == p.time && name.equals(p.name) && Objects.equals(db, p.db)
            && Objects.equals(rp, p.rp) && tags.equals(p.tags) && fields.equals(p.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, tags, fields, time);
    }

    @Override
    public String toString() {
        return name + tags + " " + fields + " " + time;
    }
}
