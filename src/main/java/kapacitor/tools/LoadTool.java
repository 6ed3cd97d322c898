package kapacitor.tools;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.buffer.BufferInternal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the canonical workload to a server's write endpoint: C clients, each with its own keep-alive connection and
 * one request in flight, bodies pre-built before the clock starts. Bounded by the point count and by {@code --max-seconds}.
 *
 * <p>The tool shares the machine with the server, so it sends cheaply: bodies are built once in direct memory, which
 * the socket writes from without a copy. With {@code --warmup-db} it first sends the whole workload, untimed, to that
 * database over the same connections, so both the server's and the tool's own code are compiled before the clock
 * starts.
 *
 * {@code --server-pid} (Linux) also reports the server process's CPU during the timed pass.
 *
 * <pre>java -cp target/kapacitord.jar kapacitor.tools.LoadTool --url http://127.0.0.1:9092 --points 5000000
 *     --hosts 1000 --clients 4 --batch 5000 [--db telegraf --rp autogen --max-seconds 120 --warmup-db warmup
 *     --warmup-passes 1 --server-pid PID]</pre>
 */
public final class LoadTool {
    private static final long REQUEST_IDLE_MS = 60_000;

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:9092";
        long points = 5_000_000;
        int hosts = 1000;
        int clients = 4;
        int batch = 5000;
        String db = "telegraf";
        String rp = "autogen";
        String warmupDb = null;
        int warmupPasses = 1;
        long serverPid = -1;
        int maxSeconds = 300;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url": url = args[i + 1]; break;
                case "--points": points = Long.parseLong(args[i + 1]); break;
                case "--hosts": hosts = Integer.parseInt(args[i + 1]); break;
                case "--clients": clients = Integer.parseInt(args[i + 1]); break;
                case "--batch": batch = Integer.parseInt(args[i + 1]); break;
                case "--db": db = args[i + 1]; break;
                case "--rp": rp = args[i + 1]; break;
                case "--warmup-db": warmupDb = args[i + 1]; break;
                case "--warmup-passes": warmupPasses = Integer.parseInt(args[i + 1]); break;
                case "--server-pid": serverPid = Long.parseLong(args[i + 1]); break;
                case "--max-seconds": maxSeconds = Integer.parseInt(args[i + 1]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        URI target = URI.create(url);
        if (!"127.0.0.1".equals(target.getHost()) && !"localhost".equals(target.getHost())
            && !"::1".equals(target.getHost())) {
            throw new IllegalArgumentException("the load tool only sends to loopback addresses");
        }
        Workload workload = new Workload(points, hosts);
        long genStart = System.nanoTime();
        List<List<ByteBuf>> perClient = new ArrayList<>();
        long totalBytes = 0;
        for (int c = 0; c < clients; c++) {
            List<ByteBuf> bodies = new ArrayList<>();
            for (byte[] b : workload.bodies(c, clients, batch)) {
                totalBytes += b.length;
                bodies.add(Unpooled.directBuffer(b.length).writeBytes(b));
            }
            perClient.add(bodies);
        }
        long totalLines = points + workload.series();
        System.out.printf("generated %,d lines (%,d bytes) in %.1f s%n", totalLines, totalBytes,
            (System.nanoTime() - genStart) / 1e9);

        Vertx vertx = Vertx.vertx();
        // One connection per client, kept for the whole run, as separate agents (Telegraf) each keep their own: a
        // client's series always reach the same server event loop.
        List<HttpClient> connections = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            connections.add(vertx.createHttpClient(new HttpClientOptions()
                    .setDefaultHost(target.getHost()).setDefaultPort(target.getPort()).setKeepAlive(true)
                    .setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(1)));
        }
        try {
            for (int w = 0; warmupDb != null && w < warmupPasses; w++) {
                Pass warmup = send(connections, perClient, warmupDb, rp, maxSeconds, -1);
                System.out.printf("warm-up pass to %s: %.2f s, %d failed requests%n", warmupDb, warmup.seconds,
                    warmup.failures);
            }
            Pass pass = send(connections, perClient, db, rp, maxSeconds, serverPid);
            System.out.printf("sent %,d lines in %.2f s: %,.0f points/s, %.1f MB/s, %d failed requests%n",
                totalLines, pass.seconds, totalLines / pass.seconds, totalBytes / pass.seconds / 1e6, pass.failures);
            // The tool shares the machine with the server: its CPU while sending is part of every figure.
            System.out.printf("load tool CPU while sending: %.2f s%n", pass.cpuSeconds);
            if (pass.serverCpuSeconds >= 0) {
                System.out.printf("server CPU while sending: %.2f s: %,.0f points per server CPU-second%n",
                    pass.serverCpuSeconds, totalLines / pass.serverCpuSeconds);
            }
        } finally {
            // Also when a pass failed or timed out: the event loops must stop or the tool never exits.
            connections.forEach(HttpClient::close);
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        perClient.forEach(bodies -> bodies.forEach(ByteBuf::release));
    }

    /** One timed pass over every client's bodies; the server's CPU is -1 when not measured. */
    private record Pass(double seconds, double cpuSeconds, double serverCpuSeconds, long failures) {
    }

    private static Pass send(List<HttpClient> connections, List<List<ByteBuf>> perClient, String db, String rp,
        int maxSeconds, long serverPid) throws Exception {
        String uri = "/write?db=" + db + "&rp=" + rp + "&precision=ns";
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        long serverStart = serverCpuTicks(serverPid);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        List<Future<Void>> done = new ArrayList<>();
        for (int c = 0; c < perClient.size(); c++) {
            Promise<Void> p = Promise.promise();
            sendNext(connections.get(c), uri, perClient.get(c), 0, deadline, failures, p);
            done.add(p.future());
        }
        Future.all(done).toCompletionStage().toCompletableFuture().get(maxSeconds + 30L, TimeUnit.SECONDS);
        double secs = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        long serverEnd = serverCpuTicks(serverPid);
        double serverCpu = serverStart < 0 || serverEnd < 0 ? -1 : (serverEnd - serverStart) / (double) CLOCK_TICKS;
        return new Pass(secs, cpu, serverCpu, failures.get());
    }

    /** Linux's USER_HZ, the unit of /proc/PID/stat times (100 on every Linux this runs on). */
    private static final int CLOCK_TICKS = 100;

    /** User + system CPU of process {@code pid} from /proc, in clock ticks; -1 when unknown. */
    private static long serverCpuTicks(long pid) {
        if (pid < 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which may contain spaces: state is field 3, utime 14, stime 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static void sendNext(HttpClient client, String uri, List<ByteBuf> bodies, int i, long deadline,
        AtomicLong failures, Promise<Void> done) {
        if (i >= bodies.size() || System.nanoTime() > deadline) {
            done.complete();
            return;
        }
        // Vert.x hands the socket an unreleasable slice: the pre-built body stays intact for another pass.
        ByteBuf body = bodies.get(i);
        // A request without an answer for this long fails (and counts as failed) instead of stalling its client.
        client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI(uri).setIdleTimeout(REQUEST_IDLE_MS))
            .compose(req -> req.send(BufferInternal.buffer(body)))
            .compose(resp -> {
                if (resp.statusCode() != 204) {
                    failures.incrementAndGet();
                }
                return resp.body();
            })
            .onComplete(ar -> {
                if (ar.failed()) {
                    failures.incrementAndGet();
                }
                sendNext(client, uri, bodies, i + 1, deadline, failures, done);
            });
    }
}
