package kapacitor.alert.template;

/** A Go template parse or execution error, with Go's "template: NAME:..." text. */
public final class TemplateException extends Exception {
    public TemplateException(String message) {
        super(message);
    }
}
