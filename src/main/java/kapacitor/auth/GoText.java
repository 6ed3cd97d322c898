package kapacitor.auth;

/** The few Go library string functions whose exact output Kapacitor's auth texts and resources depend on. */
public final class GoText {
    private GoText() {
    }

    /** Go's path.Clean: the shortest equivalent slash-separated path. */
    static String cleanPath(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(seg);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Go's path.Dir. */
    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return cleanPath(path.substring(0, slash + 1));
    }
}
