package kapacitor.tick.ast;

import java.util.List;

/** A whole script: its statements in order, plus a trailing comment block if the script ends with one. */
public record ProgramNode(Position position, List<Node> nodes) implements Node {
    public ProgramNode {
        nodes = List.copyOf(nodes);
    }
}
