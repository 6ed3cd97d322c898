package kapacitor.tools;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the canonical workload to a server's write endpoint: C keep-alive connections, one request in flight each,
 * bodies pre-built before the clock starts. Bounded by the point count and by {@code --max-seconds}.
 *
 * <pre>java -cp target/kapacitord.jar kapacitor.tools.LoadTool --url http://127.0.0.1:9092 --points 5000000
 *     --hosts 1000 --clients 4 --batch 5000 [--db telegraf --rp autogen --max-seconds 120]</pre>
 */
public final class LoadTool {
    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:9092";
        long points = 5_000_000;
        int hosts = 1000;
        int clients = 4;
        int batch = 5000;
        String db = "telegraf";
        String rp = "autogen";
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
        List<List<byte[]>> perClient = new ArrayList<>();
        long totalBytes = 0;
        for (int c = 0; c < clients; c++) {
            List<byte[]> bodies = workload.bodies(c, clients, batch);
            for (byte[] b : bodies) {
                totalBytes += b.length;
            }
            perClient.add(bodies);
        }
        long totalLines = points + workload.series();
        System.out.printf("generated %,d lines (%,d bytes) in %.1f s%n", totalLines, totalBytes,
            (System.nanoTime() - genStart) / 1e9);

        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(target.getHost()).setDefaultPort(target.getPort()).setKeepAlive(true)
                .setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(clients));
        String uri = "/write?db=" + db + "&rp=" + rp + "&precision=ns";
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        long start = System.nanoTime();
        List<Future<Void>> done = new ArrayList<>();
        for (List<byte[]> bodies : perClient) {
            Promise<Void> p = Promise.promise();
            sendNext(client, uri, bodies, 0, deadline, failures, p);
            done.add(p.future());
        }
        Future.all(done).toCompletionStage().toCompletableFuture().get(maxSeconds + 30L, TimeUnit.SECONDS);
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("sent %,d lines in %.2f s: %,.0f points/s, %.1f MB/s, %d failed requests%n",
            totalLines, secs, totalLines / secs, totalBytes / secs / 1e6, failures.get());
        client.close();
        vertx.close();
    }

    private static void sendNext(HttpClient client, String uri, List<byte[]> bodies, int i, long deadline,
        AtomicLong failures, Promise<Void> done) {
        if (i >= bodies.size() || System.nanoTime() > deadline) {
            done.complete();
            return;
        }
        client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI(uri))
            .compose(req -> req.send(Buffer.buffer(bodies.get(i))))
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
