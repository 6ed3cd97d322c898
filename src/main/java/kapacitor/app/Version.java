package kapacitor.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Kapacitor version this server answers as, and its own build version, read from the filtered resource. */
public final class Version {
    private static final Properties PROPS = load();

    private Version() {
    }

    /** Sent in {@code X-Kapacitor-Version}: clients such as the kapacitor CLI and Chronograf check it. */
    public static String kapacitor() {
        return PROPS.getProperty("kapacitor.version", "1.8.0");
    }

    public static String build() {
        return PROPS.getProperty("build.version", "dev");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/kapacitord-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Without the resource the defaults above still give a usable version.
        }
        return p;
    }
}
