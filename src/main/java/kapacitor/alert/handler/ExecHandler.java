package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Kapacitor's exec handler: runs the program with its arguments, the alert data JSON (and a newline) on its stdin;
 * a start failure or non-zero exit is reported with the program's combined output.
 */
public final class ExecHandler implements AlertHandler {
    private final Vertx vertx;
    private final List<String> command;

    public ExecHandler(Vertx vertx, String prog, List<String> args) {
        this.vertx = vertx;
        this.command = new ArrayList<>();
        command.add(prog);
        command.addAll(args);
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        byte[] in = (event.alertDataJson() + "\n").getBytes(StandardCharsets.UTF_8);
        return vertx.executeBlocking(() -> {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream os = p.getOutputStream()) {
                os.write(in);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IllegalStateException("exec command failed: exit status " + rc + " output=" + out);
            }
            return null;
        });
    }
}
