package io.incidentsupervisor.domain.model;

/**
 * The one text cap (every length limit on stored or rendered text goes through it), and the two ways untrusted text is
 * written out: printable on one line of a terminal, and as a JSON string literal.
 */
public final class Text {

    /** Messages and strings of context: long enough for an AWS error, short enough for an agent's budget. */
    public static final int SHORT = 500;

    private Text() {}

    /**
     * The text, or its first {@code maxLength} UTF-16 characters; a cut never splits a surrogate pair, so it may keep
     * one character fewer.
     */
    public static String capped(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        if (text.length() <= maxLength) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end);
    }

    /**
     * The text with every control character escaped ({@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX}):
     * untrusted text (a CloudTrail field, a log line, an alert) printed on a terminal
     * can then neither forge a line nor move the cursor. Bidirectional overrides are escaped too.
     */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                Character.isISOControl(c) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                        ? String.format("\\u%04x", (int) c)
                        : null;
        };
    }

    /** The text as a JSON string literal, quotes included. */
    public static String jsonLiteral(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
