package kapacitor.lineprotocol;

import java.util.List;
import kapacitor.model.Point;

/**
 * What one body parsed into: every good point, in body order, and one error per rejected line. Good points are
 * delivered even when some lines fail (InfluxDB's partial write). A body that was only validated has no points, just
 * the count of good lines.
 */
public final class ParseResult {
    private final List<Point> points;
    private final int accepted;
    private final List<LineError> errors;

    public ParseResult(List<Point> points, List<LineError> errors) {
        this(points, points.size(), errors);
    }

    private ParseResult(List<Point> points, int accepted, List<LineError> errors) {
        this.points = points;
        this.accepted = accepted;
        this.errors = errors;
    }

    /** The result of validating a body: {@code accepted} good lines, no points. */
    public static ParseResult counted(int accepted, List<LineError> errors) {
        return new ParseResult(List.of(), accepted, errors);
    }

    /** The good points; empty when the body was only validated. */
    public List<Point> points() {
        return points;
    }

    /** Number of lines that parsed (the points delivered, or that would have been when validating). */
    public int accepted() {
        return accepted;
    }

    public List<LineError> errors() {
        return errors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Number of lines dropped because they did not parse. */
    public int droppedCount() {
        return errors.size();
    }

    /**
     * The error InfluxDB's {@code models.ParsePointsWithPrecision} returns: each line's
     * {@code unable to parse '...': reason}, joined with "\n"; null when every line parsed.
     */
    public String errorMessage() {
        if (errors.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < errors.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(errors.get(i).message());
        }
        return sb.toString();
    }

    /**
     * InfluxDB's answer when some lines were written and others not ({@code tsdb.PartialWriteError}):
     * {@code partial write: <errorMessage> dropped=N}; null when every line parsed.
     */
    public String partialWriteMessage() {
        String msg = errorMessage();
        return msg == null ? null : "partial write: " + msg + " dropped=" + errors.size();
    }
}
