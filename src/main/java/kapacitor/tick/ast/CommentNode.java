package kapacitor.tick.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * A block of comment lines without their {@code //} and first blank. An element equal to {@code "\n"} marks a
 * blank line between two comment blocks that Kapacitor keeps together.
 */
public record CommentNode(Position position, List<String> comments) implements Node {
    public CommentNode {
        comments = List.copyOf(comments);
    }

    /** Builds a comment node from consecutive comment tokens as the lexer returned them. */
    public static CommentNode fromTokens(Position position, List<String> tokenTexts) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < tokenTexts.size(); i++) {
            if (i != 0) {
                lines.add("\n");
            }
            for (String raw : tokenTexts.get(i).split("\n", -1)) {
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("//")) {
                    line = line.substring(2);
                }
                if (line.startsWith(" ")) {
                    line = line.substring(1);
                }
                lines.add(line);
            }
        }
        return new CommentNode(position, lines);
    }

    /** The comment lines joined with newlines. */
    public String text() {
        return String.join("\n", comments);
    }
}
