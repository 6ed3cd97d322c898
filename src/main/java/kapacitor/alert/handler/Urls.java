package kapacitor.alert.handler;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** URL path joining as Go's {@code u.Path = path.Join(u.Path, ...)} does it (cleaned, no trailing slash). */
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
        StringBuilder p = new StringBuilder(u.getRawPath() == null ? "" : u.getRawPath());
        for (String e : elems) {
            if (e.isEmpty()) {
                continue;
            }
            p.append('/').append(e);
        }
        String cleaned = clean(p.toString());
        return (u.getScheme() == null ? "" : u.getScheme() + "://") + (u.getRawAuthority() == null ? ""
            : u.getRawAuthority()) + cleaned + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
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
