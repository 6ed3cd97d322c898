package kapacitor.testing;

import io.vertx.core.Future;

import java.util.concurrent.TimeUnit;

/** Waits for a Future on the JUnit thread (never on an event loop). */
public final class Await {
    private Await() {
    }

    public static <T> T await(Future<T> future) {
        return await(future, 30);
    }

    public static <T> T await(Future<T> future, int seconds) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (java.util.concurrent.TimeoutException e) {
            // A hang is easier to explain with every thread's stack in the test output.
            StringBuilder dump = new StringBuilder("Await timed out after " + seconds + " s; threads:\n");
            for (var info : java.lang.management.ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
                dump.append(info);
            }
            System.err.println(dump);
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
