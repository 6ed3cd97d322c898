package kapacitor.alert.handler;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * URL path joining as Go's {@code u.Path = path.Join(u.Path, ...)} does it: the decoded path is joined and cleaned,
 * and {@code u.String()} escapes it again (a room named "Test Room" becomes {@code Test%20Room}).
 */
final class Urls {
    private Urls() {
    }

    static String joinPath(String base, String... elems) {
        URI u;
        try {
            u = new URI(base);
        } catch (URISyntaxException e) {
            throw new HandlerException("invalid URL: " + e.getMessage());
        }
        StringBuilder p = new StringBuilder(u.getPath() == null ? "" : u.getPath());
        for (String e : elems) {
            if (e.isEmpty()) {
                continue;
            }
            p.append('/').append(e);
        }
        String cleaned = clean(p.toString());
        return (u.getScheme() == null ? "" : u.getScheme() + "://") + (u.getRawAuthority() == null ? ""
            : u.getRawAuthority()) + escapePath(cleaned) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /** Go's url.PathEscape rules for a whole path (encodePath): '/' and the sub-delimiters stay, '?' does not. */
    static String escapePath(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            boolean alnum = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (alnum || "-_.~$&+,/:;=@".indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /** Go's path.Clean for a rooted or relative path; "" stays "". */
    static String clean(String path) {
        if (path.isEmpty()) {
            return "";
        }
        boolean rooted = path.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add(part);
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
    }
}
