package kapacitor.tick.ast;

import java.util.List;

/**
 * A call {@code func(args...)}. {@code multiLine} records whether the call was written over several lines (a newline
 * between the name and the start of the last argument); the formatter keeps that choice.
 */
public record FunctionNode(Position position, FuncType type, String func, List<Node> args, boolean multiLine,
                           CommentNode comment) implements CommentedNode {
    public FunctionNode {
        args = List.copyOf(args);
    }

    @Override
    public FunctionNode withComment(CommentNode comment) {
        return new FunctionNode(position, type, func, args, multiLine, comment);
    }
}
