package kapacitor.runtime;

import kapacitor.model.DbRp;
import kapacitor.model.LocalMessage;
import kapacitor.model.TaskType;
import kapacitor.pipeline.Pipeline;

import java.util.List;

/** What the runtime needs to run a task: its id, type, compiled pipeline and the dbrps it may read. */
public record TaskSpec(String id, TaskType type, Pipeline pipeline, List<DbRp> dbrps) implements LocalMessage {
}
