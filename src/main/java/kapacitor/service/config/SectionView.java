package kapacitor.service.config;

import java.util.List;

/** A section as the config API shows it; {@code elementKey} is "" for a single-element section. */
public record SectionView(String elementKey, List<ElementView> elements) {
}
