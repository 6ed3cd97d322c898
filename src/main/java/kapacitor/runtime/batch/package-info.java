/**
 * Batch sources: the InfluxQL a query() node sends (time bounds, group by, fill), when it sends it, and how
 * InfluxDB's answer becomes batches. Used by the query operator on its task's thread.
 */
package kapacitor.runtime.batch;
