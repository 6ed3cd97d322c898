package kapacitor.tick.ast;

/** A node that may carry the comment written just before it (null when there is none). */
public sealed interface CommentedNode extends Node
    permits DbrpNode, DeclarationNode, TypeDeclarationNode, ChainNode, FunctionNode, IdentifierNode, ReferenceNode,
    StringNode, NumberNode, BoolNode, DurationNode, RegexNode, StarNode, ListNode, LambdaNode, BinaryNode, UnaryNode {

    CommentNode comment();

    /** A copy of this node carrying {@code comment} instead of its own. */
    CommentedNode withComment(CommentNode comment);
}
