package kapacitor.alert.template;

import java.util.List;

/** fmt.Sprintf for the verbs templates use: %v %s %d %f %e %g %q %t %x %X %%, flags, width and precision. */
final class Printf {
    private Printf() {
    }

    static String format(String f, List<Object> args) {
        StringBuilder b = new StringBuilder();
        int argi = 0;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '%') {
                b.append(c);
                continue;
            }
            int j = i + 1;
            StringBuilder flags = new StringBuilder();
            while (j < f.length() && "-+ 0#".indexOf(f.charAt(j)) >= 0) {
                flags.append(f.charAt(j++));
            }
            int ws = j;
            while (j < f.length() && Character.isDigit(f.charAt(j))) {
                j++;
            }
            String width = f.substring(ws, j);
            String prec = null;
            if (j < f.length() && f.charAt(j) == '.') {
                int ps = ++j;
                while (j < f.length() && Character.isDigit(f.charAt(j))) {
                    j++;
                }
                prec = f.substring(ps, j).isEmpty() ? "0" : f.substring(ps, j);
            }
            if (j >= f.length()) {
                b.append("%!(NOVERB)");
                break;
            }
            char verb = f.charAt(j);
            i = j;
            if (verb == '%') {
                b.append('%');
                continue;
            }
            if (argi >= args.size()) {
                b.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            Object a = args.get(argi++);
            String s = one(verb, flags.toString(), prec, a);
            if (!width.isEmpty()) {
                int w = Integer.parseInt(width);
                boolean left = flags.indexOf("-") >= 0;
                boolean zero = flags.indexOf("0") >= 0 && !left && a instanceof Number;
                StringBuilder pad = new StringBuilder();
                for (int k = s.length(); k < w; k++) {
                    pad.append(zero ? '0' : ' ');
                }
                if (zero && (s.startsWith("-") || s.startsWith("+"))) {
                    s = s.charAt(0) + pad.toString() + s.substring(1);
                } else {
                    s = left ? s + pad : pad + s;
                }
            }
            b.append(s);
        }
        if (argi < args.size()) {
            b.append("%!(EXTRA ");
            for (int k = argi; k < args.size(); k++) {
                if (k > argi) {
                    b.append(", ");
                }
                b.append(Funcs.typeName(args.get(k))).append('=');
                GoValues.print(b, args.get(k));
            }
            b.append(')');
        }
        return b.toString();
    }

    private static String one(char verb, String flags, String prec, Object a) {
        boolean plus = flags.indexOf('+') >= 0;
        switch (verb) {
            case 'v':
            case 's':
                if (verb == 's' && (a instanceof Long || a instanceof Double || a instanceof Boolean)) {
                    return "%!s(" + Funcs.typeName(a) + "=" + GoValues.print(a) + ")";
                }
                String s = GoValues.print(a);
                return prec != null && verb == 's' ? s.substring(0, Math.min(s.length(), Integer.parseInt(prec))) : s;
            case 'd':
                if (a instanceof Long l) {
                    return (plus && l >= 0 ? "+" : "") + l;
                }
                return bad(verb, a);
            case 'f':
            case 'F':
            case 'e':
            case 'g':
                if (a instanceof Double || a instanceof Long) {
                    if (a instanceof Long && verb != 'v') {
                        return bad(verb, a);
                    }
                    double d = ((Number) a).doubleValue();
                    String r;
                    if (verb == 'g') {
                        r = prec == null ? GoValues.formatFloat(d)
                            : String.format("%." + prec + "g", d);
                    } else if (verb == 'e') {
                        r = String.format("%." + (prec == null ? "6" : prec) + "e", d);
                    } else {
                        r = String.format("%." + (prec == null ? "6" : prec) + "f", d);
                    }
                    return (plus && d >= 0 ? "+" : "") + r;
                }
                return bad(verb, a);
            case 'q':
                if (a instanceof String str) {
                    StringBuilder b = new StringBuilder();
                    kapacitor.runtime.operator.GoJson.string(b, str);
                    return b.toString();
                }
                return bad(verb, a);
            case 't':
                return a instanceof Boolean ? a.toString() : bad(verb, a);
            case 'x':
            case 'X':
                String h;
                if (a instanceof Long l) {
                    h = Long.toHexString(l);
                } else if (a instanceof String str) {
                    StringBuilder b = new StringBuilder();
                    for (byte by : str.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                        b.append(String.format("%02x", by));
                    }
                    h = b.toString();
                } else {
                    return bad(verb, a);
                }
                return verb == 'X' ? h.toUpperCase(java.util.Locale.ROOT) : h;
            default:
                return bad(verb, a);
        }
    }

    private static String bad(char verb, Object a) {
        return "%!" + verb + "(" + Funcs.typeName(a) + "=" + GoValues.print(a) + ")";
    }
}
