package io.github.camelrecurrente.examples.invoicing.fel;

/** Text as the schema's {@code whiteSpace collapse} reads it, without characters XML 1.0 cannot carry. */
final class Text {

    private Text() {}

    /** @return the text with runs of whitespace made one space, trimmed, XML-illegal characters removed ("" for null) */
    static String collapse(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = b.length() > 0;
                continue;
            }
            if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(c);
        }
        return b.toString();
    }

    /** @return the text cut to at most {@code max} characters (never splitting a surrogate pair) */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
