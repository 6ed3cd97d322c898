package kapacitor.lineprotocol;

import kapacitor.model.Fields;
import kapacitor.model.Point;
import kapacitor.model.Tags;

/** A compact, type-revealing text of a point for table-driven assertions: {@code name|k=v,...|f=1.5F,...|time}. */
final class PointText {
    private PointText() {
    }

    static String of(Point p) {
        StringBuilder sb = new StringBuilder(p.name()).append('|');
        Tags tags = p.tags();
        for (int i = 0; i < tags.size(); i++) {
            sb.append(i > 0 ? "," : "").append(tags.key(i)).append('=').append(tags.value(i));
        }
        sb.append('|');
        Fields f = p.fields();
        for (int i = 0; i < f.size(); i++) {
            sb.append(i > 0 ? "," : "").append(f.key(i)).append('=');
            switch (f.type(i)) {
                case Fields.FLOAT:
                    sb.append(f.doubleAt(i)).append('F');
                    break;
                case Fields.INTEGER:
                    sb.append(f.longAt(i)).append('I');
                    break;
                case Fields.UNSIGNED:
                    sb.append(Long.toUnsignedString(f.longAt(i))).append('U');
                    break;
                case Fields.BOOLEAN:
                    sb.append(f.booleanAt(i)).append('B');
                    break;
                default:
                    sb.append('<').append(f.stringAt(i)).append('>');
            }
        }
        return sb.append('|').append(p.time()).toString();
    }
}
