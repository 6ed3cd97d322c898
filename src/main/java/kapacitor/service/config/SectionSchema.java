package kapacitor.service.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Kapacitor's {@code override} struct tags say about one overridable section: whether it is a list and which
 * option names its elements ({@code element-key}), the options in struct order with their types, which of them are
 * redacted, the API names that differ from the TOML names, and what a newly added element starts from.
 *
 * @param name       section name, as in the TOML file and the API
 * @param elementKey option naming an element of a list section; empty for a single-element section
 * @param types      option name (API name) -> type, in the Go struct's field order
 * @param redacted   options answered as "is set" booleans, in struct order
 * @param tomlNames  API name -> TOML name, only where they differ
 * @param newElement the value a new element starts from (Go zero values, then the element type's Init())
 */
public record SectionSchema(String name, String elementKey, Map<String, OptionType> types, List<String> redacted,
                            Map<String, String> tomlNames, ObjectNode newElement) {

    public boolean isList() {
        return !elementKey.isEmpty();
    }

    public boolean isRedacted(String option) {
        return redacted.contains(option);
    }

    public Set<String> options() {
        return types.keySet();
    }

    /** The TOML key holding an API option. */
    public String tomlName(String option) {
        return tomlNames.getOrDefault(option, option);
    }

    /** Go's zero-value test used for redacted options: nil/empty string/false/0, or a struct of zero fields. */
    static boolean isZero(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return true;
        }
        if (v.isTextual()) {
            return v.asText().isEmpty();
        }
        if (v.isBoolean()) {
            return !v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue() == 0;
        }
        if (v.isObject()) {
            for (JsonNode f : v) {
                if (!isZero(f)) {
                    return false;
                }
            }
            return true;
        }
        // A non-nil slice is not zero, even when empty.
        return false;
    }
}
