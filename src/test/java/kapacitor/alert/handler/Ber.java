package kapacitor.alert.handler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A small BER reader for the tests: a tree of tag/length/value elements. */
public final class Ber {
    public record Element(int tag, byte[] value, List<Element> children) {
        public Element child(int i) {
            return children.get(i);
        }

        public long integer() {
            long v = value[0] < 0 ? -1 : 0;
            for (byte b : value) {
                v = (v << 8) | (b & 0xFF);
            }
            return v;
        }

        public String text() {
            return new String(value, StandardCharsets.UTF_8);
        }

        public String oid() {
            StringBuilder b = new StringBuilder();
            long acc = 0;
            boolean first = true;
            for (byte x : value) {
                acc = (acc << 7) | (x & 0x7F);
                if ((x & 0x80) == 0) {
                    if (first) {
                        b.append(acc / 40).append('.').append(acc % 40);
                        first = false;
                    } else {
                        b.append('.').append(acc);
                    }
                    acc = 0;
                }
            }
            return b.toString();
        }
    }

    private final byte[] data;
    private int pos;

    private Ber(byte[] data) {
        this.data = data;
    }

    /** Parses one element that must span the whole input. */
    public static Element parse(byte[] data) {
        Ber r = new Ber(data);
        Element e = r.next();
        if (r.pos != data.length) {
            throw new AssertionError("trailing bytes after the message");
        }
        return e;
    }

    private Element next() {
        int tag = data[pos++] & 0xFF;
        int len = data[pos++] & 0xFF;
        if (len >= 0x80) {
            int n = len & 0x7F;
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (data[pos++] & 0xFF);
            }
        }
        byte[] value = java.util.Arrays.copyOfRange(data, pos, pos + len);
        List<Element> children = new ArrayList<>();
        if ((tag & 0x20) != 0) {
            int end = pos + len;
            while (pos < end) {
                children.add(next());
            }
        } else {
            pos += len;
        }
        return new Element(tag, value, children);
    }
}
