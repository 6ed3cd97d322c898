package kapacitor.alert.template;

import java.util.List;

/** The parse tree of a template. */
final class TemplateNodes {
    private TemplateNodes() {
    }

    sealed interface Node permits Text, Action, If, Range, With {
    }

    record Text(String text) implements Node {
    }

    record Action(int line, Pipe pipe) implements Node {
    }

    record If(int line, Pipe pipe, List<Node> then, List<Node> otherwise) implements Node {
    }

    record Range(int line, Pipe pipe, List<Node> body, List<Node> otherwise) implements Node {
    }

    record With(int line, Pipe pipe, List<Node> body, List<Node> otherwise) implements Node {
    }

    /** A pipeline: optional variable declarations, then commands joined by '|'. */
    record Pipe(List<String> decl, List<Cmd> cmds) {
    }

    record Cmd(List<Arg> args) {
    }

    sealed interface Arg permits Literal, Field, Var, Func, Sub, Dot {
    }

    record Literal(Object value) implements Arg {
    }

    /** A field chain on a receiver: {@code .A.B} (receiver dot), {@code $x.A}, {@code (pipe).A}. */
    record Field(Arg receiver, List<String> names) implements Arg {
    }

    record Var(String name) implements Arg {
    }

    record Func(String name) implements Arg {
    }

    record Sub(Pipe pipe) implements Arg {
    }

    record Dot() implements Arg {
    }
}
