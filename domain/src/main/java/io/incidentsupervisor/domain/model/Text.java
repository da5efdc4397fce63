package io.incidentsupervisor.domain.model;

/** The one text cap: every length limit on stored or rendered text goes through it. */
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
}
