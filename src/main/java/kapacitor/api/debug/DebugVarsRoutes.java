package kapacitor.api.debug;

import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiModule;
import kapacitor.api.ApiRouter;
import kapacitor.api.Json;
import kapacitor.api.Mux;
import kapacitor.app.StatsRegistry;
import kapacitor.app.Version;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /kapacitor/v1/debug/vars}: Kapacitor's expvar document (server/vars), the shape Telegraf's kapacitor
 * input reads: id and version keys, task counts, {@code kapacitor} statistics and Go-named {@code memstats} filled
 * from the JVM's memory and GC beans.
 */
public final class DebugVarsRoutes implements ApiModule {
    private final StatsRegistry stats;
    private final Supplier<Map<String, Long>> taskCounts;
    private final long startMillis = System.currentTimeMillis();

    /** {@code taskCounts} gives num_tasks, num_enabled_tasks and num_subscriptions. */
    public DebugVarsRoutes(StatsRegistry stats, Supplier<Map<String, Long>> taskCounts) {
        this.stats = stats;
        this.taskCounts = taskCounts;
    }

    @Override
    public void mount(Mux mux) {
        mux.get(ApiRouter.BASE + "/debug/vars", this::vars);
    }

    private void vars(RoutingContext ctx) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cluster_id", stats.clusterId());
        doc.put("cmdline", List.of("kapacitord"));
        doc.put("host", stats.host());
        doc.put("kapacitor", stats.snapshot());
        doc.put("memstats", memstats());
        Map<String, Long> counts = taskCounts.get();
        doc.put("num_enabled_tasks", counts.getOrDefault("num_enabled_tasks", 0L));
        doc.put("num_subscriptions", counts.getOrDefault("num_subscriptions", 0L));
        doc.put("num_tasks", counts.getOrDefault("num_tasks", 0L));
        doc.put("platform", "OSS");
        doc.put("product", "kapacitor");
        doc.put("server_id", stats.serverId());
        doc.put("uptime", (System.currentTimeMillis() - startMillis) / 1000);
        doc.put("version", Version.kapacitor());
        ctx.response().setStatusCode(200).end(Json.compact(doc));
    }

    private static Map<String, Object> memstats() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Alloc", heap.getUsed());
        m.put("Sys", heap.getCommitted() + nonHeap.getCommitted());
        m.put("HeapAlloc", heap.getUsed());
        m.put("HeapSys", heap.getCommitted());
        m.put("HeapIdle", heap.getCommitted() - heap.getUsed());
        m.put("HeapInuse", heap.getUsed());
        m.put("HeapReleased", 0L);
        m.put("NextGC", heap.getMax() < 0 ? heap.getCommitted() : heap.getMax());
        m.put("NumGC", gcCount);
        m.put("PauseTotalNs", gcMillis * 1_000_000L);
        m.put("StackSys", nonHeap.getCommitted());
        m.put("StackInuse", nonHeap.getUsed());
        return m;
    }
}
