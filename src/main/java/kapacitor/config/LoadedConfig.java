package kapacitor.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of {@link ConfigLoader#load}: the merged tree (Kapacitor's section and key names), its typed
 * view, the file that was read (empty when running on defaults) and the warnings for Main to log.
 */
public record LoadedConfig(ObjectNode tree, KapacitorConfig config, Optional<Path> configFile,
                           List<String> warnings) {
}
