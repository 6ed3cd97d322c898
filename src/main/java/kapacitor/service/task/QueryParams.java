package kapacitor.service.task;

import kapacitor.util.GoQuote;

import kapacitor.api.ApiException;

import java.util.regex.Pattern;

/** Kapacitor's checks of the task and template query parameters, with its texts. */
final class QueryParams {
    private static final Pattern GO_INT = Pattern.compile("[+-]?[0-9]+");

    private QueryParams() {
    }

    /** True for "formatted" (the default), false for "raw". */
    static boolean formatted(String scriptFormat) {
        String f = scriptFormat == null ? "" : scriptFormat;
        if (f.isEmpty() || f.equals("formatted")) {
            return true;
        }
        if (f.equals("raw")) {
            return false;
        }
        throw ApiException.badRequest("invalid script-format parameter " + GoQuote.quote(f));
    }

    /** True for "labels", false for "attributes" (the default). */
    static boolean labels(String dotView) {
        String v = dotView == null ? "" : dotView;
        if (v.isEmpty() || v.equals("attributes")) {
            return false;
        }
        if (v.equals("labels")) {
            return true;
        }
        throw ApiException.badRequest("invalid dot-view parameter " + GoQuote.quote(v));
    }

    /** Go's {@code strconv.ParseInt(text, 10, 64)} with Kapacitor's message around its error. */
    static long integer(String name, String text, long absent) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        String problem;
        if (!GO_INT.matcher(text).matches()) {
            problem = "invalid syntax";
        } else {
            try {
                return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                problem = "value out of range";
            }
        }
        throw ApiException.badRequest("invalid " + name + " parameter " + GoQuote.quote(text)
            + " must be an integer: strconv.ParseInt: parsing " + GoQuote.quote(text) + ": " + problem);
    }

    /** Go converts the int64 to int; values beyond int range are clamped here (no stored list is that long). */
    static int clamp(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
