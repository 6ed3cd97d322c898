package kapacitor.service.config;

import kapacitor.model.LocalMessage;

import java.util.Map;

/** The reply to {@link ConfigQuery}: section name -> its view, sorted by name. */
public record ConfigSnapshot(Map<String, SectionView> sections) implements LocalMessage {
}
