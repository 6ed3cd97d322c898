package kapacitor.api.write;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

import java.util.Arrays;

/**
 * Collects a write body into one array, sized from Content-Length when known, so a body is copied once after the
 * network layer hands it over. Past {@code limit} bytes it stops keeping data but keeps reading, so the client
 * still gets a clean 413 on a kept-alive connection. Used on one event loop; not thread-safe.
 */
final class BodyCollector {
    private final long limit;
    private byte[] data;
    private int size;
    private boolean tooLarge;

    BodyCollector(long expectedLength, long limit) {
        this.limit = limit;
        int initial = expectedLength > 0 && expectedLength < Integer.MAX_VALUE - 8 ? (int) expectedLength : 64 * 1024;
        if (limit > 0 && initial > limit) {
            initial = (int) Math.min(limit, 64 * 1024);
        }
        this.data = new byte[initial];
    }

    void append(Buffer chunk) {
        int n = chunk.length();
        if (tooLarge) {
            return;
        }
        if (limit > 0 && (long) size + n > limit) {
            tooLarge = true;
            data = null;
            return;
        }
        if (size + n > data.length) {
            data = Arrays.copyOf(data, Math.max(size + n, data.length * 2));
        }
        ByteBuf buf = ((BufferInternal) chunk).getByteBuf();
        buf.getBytes(buf.readerIndex(), data, size, n);
        size += n;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    byte[] data() {
        return data;
    }

    int size() {
        return size;
    }
}
