package kapacitor.tick.eval;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import kapacitor.pipeline.Pipeline;

/** A template's pipeline (built with zero values for vars without a default) and the vars it declares, by name. */
public record CompiledTemplate(Pipeline pipeline, Map<String, TickVar> vars) {

    public CompiledTemplate {
        vars = Collections.unmodifiableMap(new TreeMap<>(vars));
    }
}
