package kapacitor.tick.ast;

/** {@code dbrp "db"."rp"}. */
public record DbrpNode(Position position, ReferenceNode db, ReferenceNode rp, CommentNode comment)
    implements CommentedNode {
    @Override
    public DbrpNode withComment(CommentNode comment) {
        return new DbrpNode(position, db, rp, comment);
    }
}
