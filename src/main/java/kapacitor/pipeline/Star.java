package kapacitor.pipeline;

/** The TICKscript `*` argument (e.g. groupBy(*)). */
public enum Star {
    INSTANCE
}
