package kapacitor.tick.ast;

/** A {@code lambda:} expression. */
public record LambdaNode(Position position, Node expression, CommentNode comment) implements CommentedNode {
    @Override
    public LambdaNode withComment(CommentNode comment) {
        return new LambdaNode(position, expression, comment);
    }
}
