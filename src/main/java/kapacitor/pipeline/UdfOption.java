package kapacitor.pipeline;

import java.util.List;

/** One option call on a UDF node ({@code @myUdf().field('x')}), in call order. */
public record UdfOption(String name, List<Object> values) {

    public UdfOption {
        values = List.copyOf(values);
    }
}
