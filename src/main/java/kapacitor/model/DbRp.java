package kapacitor.model;

/** A database and retention policy pair, the scope every point and every task subscription lives in. */
public record DbRp(String db, String rp) {
    @Override
    public String toString() {
        return "\"" + db + "\".\"" + rp + "\"";
    }
}
