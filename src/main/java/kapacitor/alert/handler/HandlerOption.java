package kapacitor.alert.handler;

/**
 * One option of a handler kind: its name in the topic handler API ({@code icon-emoji}), the TICKscript property
 * that sets it ({@code IconEmoji}, null if scripts cannot) and its type.
 */
public record HandlerOption(String name, String property, OptionType type) {
}
