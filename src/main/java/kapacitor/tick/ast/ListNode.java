package kapacitor.tick.ast;

import java.util.List;

/** {@code [a, 'b', *]}: a list of identifiers, strings and stars. */
public record ListNode(Position position, List<Node> nodes, CommentNode comment) implements CommentedNode {
    public ListNode {
        nodes = List.copyOf(nodes);
    }

    @Override
    public ListNode withComment(CommentNode comment) {
        return new ListNode(position, nodes, comment);
    }
}
