package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import kapacitor.alert.AlertEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Kapacitor's log handler: appends each event's alert data JSON as one line to a file created with a mode. */
public final class LogHandler implements AlertHandler {
    public static final int DEFAULT_MODE = 0600;

    private final Vertx vertx;
    private final Path path;
    private final int mode;

    public LogHandler(Vertx vertx, String path, int mode) {
        if ((mode & 0200) == 0) {
            throw new IllegalArgumentException("invalid file mode " + goMode(mode) + ", must be user writable");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("log path must be absolute: " + path + " is not absolute");
        }
        this.vertx = vertx;
        this.path = Path.of(path);
        this.mode = mode;
    }

    /** Go's os.FileMode String(): {@code -rw-------}. */
    static String goMode(int mode) {
        String rwx = "rwxrwxrwx";
        StringBuilder b = new StringBuilder("-");
        for (int i = 0; i < 9; i++) {
            b.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return b.toString();
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        byte[] line = (event.alertDataJson() + "\n").getBytes(StandardCharsets.UTF_8);
        return vertx.executeBlocking(() -> {
            boolean created = !Files.exists(path);
            Files.write(path, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            if (created) {
                setMode();
            }
            return null;
        });
    }

    private void setMode() throws IOException {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = PosixFilePermission.values();
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                perms.add(order[i]);
            }
        }
        try {
            Files.setPosixFilePermissions(path, perms);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file keeps the default permissions.
        }
    }
}
