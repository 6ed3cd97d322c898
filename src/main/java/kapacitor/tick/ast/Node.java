package kapacitor.tick.ast;

/** A node of a parsed TICKscript. */
public sealed interface Node
    permits ProgramNode, CommentNode, CommentedNode {

    Position position();
}
