package kapacitor.runtime;

import java.util.Map;

/**
 * A running task's statistics as Kapacitor shows them: {@code taskStats} for the task JSON's {@code stats}
 * ({@code task-stats} and {@code node-stats}) and the executing DOT text with attributes or labels.
 *
 * @param stats the task JSON {@code stats} object: {"task-stats": {...}, "node-stats": {"stream0": {...}, ...}}
 */
public record TaskStats(Map<String, Object> stats, String dotAttributes, String dotLabels) {
}
