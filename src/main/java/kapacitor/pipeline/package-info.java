/**
 * Pure-data model of Kapacitor task pipelines. {@link kapacitor.pipeline.NodeSpecs} describes every node type's
 * TICKscript surface; {@link kapacitor.pipeline.Pipeline} is built call by call by the evaluator through checked
 * {@code chain}/{@code property} calls that fail with Kapacitor's texts; {@link kapacitor.pipeline.NodeDef} holds
 * what the runtime needs; {@link kapacitor.pipeline.PipelineValidator} runs Kapacitor's checks. No runtime code.
 */
package kapacitor.pipeline;
