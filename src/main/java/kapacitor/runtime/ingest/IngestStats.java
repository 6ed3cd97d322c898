package kapacitor.runtime.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Write-path counters for /debug/vars, bumped from every event loop (LongAdder: no contention on the hot path). */
public final class IngestStats {
    public final LongAdder writeRequests = new LongAdder();
    public final LongAdder bytesReceived = new LongAdder();
    public final LongAdder pointsReceived = new LongAdder();
    public final LongAdder parseErrors = new LongAdder();
    public final LongAdder pointsDropped = new LongAdder();
    public final LongAdder framesSent = new LongAdder();
    /** Buffers sent to other cluster nodes (one per request and node) and the points in them. */
    public final LongAdder remoteFramesSent = new LongAdder();
    public final LongAdder remotePointsSent = new LongAdder();

    /** Kapacitor's httpd stat names where it has them. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("writeReq", writeRequests.sum());
        m.put("writeReqBytes", bytesReceived.sum());
        m.put("pointsWrittenOK", pointsReceived.sum());
        m.put("pointsWrittenFail", parseErrors.sum());
        m.put("pointsDropped", pointsDropped.sum());
        m.put("framesSent", framesSent.sum());
        m.put("remoteFramesSent", remoteFramesSent.sum());
        m.put("remotePointsSent", remotePointsSent.sum());
        return m;
    }
}
