package kapacitor.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Kapacitor's {@code [storage]} section plus our {@code url}: a {@code postgresql://user@host:port/db} URL
 * selects PostgreSQL; empty keeps the embedded store in data_dir. {@code boltdb} is Kapacitor's path, kept
 * so existing files load and the embedded store can sit where Kapacitor's database would.
 */
public record StorageConfig(String boltdb, String url) {

    public boolean usesPostgres() {
        return !url.isEmpty();
    }

    static StorageConfig from(Section s) {
        StorageConfig c = new StorageConfig(s.string("boltdb"), s.string("url"));
        if (c.boltdb().isEmpty()) {
            throw ConfigException.invalid(s.key("boltdb"), "must specify storage 'boltdb' path");
        }
        if (!c.url().isEmpty()) {
            try {
                String scheme = new URI(c.url()).getScheme();
                if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
                    throw ConfigException.invalid(s.key("url"), "expected a postgresql:// URL, got " + c.url());
                }
            } catch (URISyntaxException e) {
                throw ConfigException.invalid(s.key("url"), e.getMessage());
            }
        }
        return c;
    }
}
