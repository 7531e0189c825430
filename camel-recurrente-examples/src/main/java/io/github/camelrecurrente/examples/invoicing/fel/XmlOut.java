package io.github.camelrecurrente.examples.invoicing.fel;

/**
 * A small indenting XML writer: elements open and close in the order they are written, so a document's element order
 * is the order of the calls in {@link DteXml}. Text and attribute values are escaped ({@code &}, {@code <}, {@code >},
 * and {@code "} in attributes); prefixes and namespace declarations are written as given (nothing is declared
 * implicitly). It writes into one {@link StringBuilder}, the text the JDK's StAX writer wrote for the same calls
 * ({@code XmlOutTest} compares them) without a writer and its namespace context per document.
 */
final class XmlOut {

    private final StringBuilder text = new StringBuilder(4096);
    /** The qualified names of the elements open, innermost last. */
    private String[] open = new String[16];

    private int depth;
    /** A start tag is not closed yet ({@code >} or {@code />} not written): attributes may follow. */
    private boolean tagOpen;
    /** The tag not closed yet is of an empty element ({@code />}). */
    private boolean tagEmpty;
    /** The last element written has content or was closed: the next end tag goes on a new line. */
    private boolean lastOpen;

    XmlOut() {
        text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    /** Opens an element; attributes follow with {@link #attr(String, Object)}. */
    XmlOut start(String prefix, String name, String namespace) {
        newLine();
        String qName = qName(prefix, name);
        text.append('<').append(qName);
        if (depth == open.length) {
            open = java.util.Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = qName;
        tagOpen = true;
        tagEmpty = false;
        lastOpen = true;
        return this;
    }

    /** Opens an element that will have no content. */
    XmlOut empty(String prefix, String name, String namespace) {
        newLine();
        text.append('<').append(qName(prefix, name));
        tagOpen = true;
        tagEmpty = true;
        lastOpen = false;
        return this;
    }

    XmlOut namespace(String prefix, String namespace) {
        return attribute("xmlns:" + prefix, namespace);
    }

    /** An attribute of the element just opened; null values are left out. */
    XmlOut attr(String name, Object value) {
        if (value == null) {
            return this;
        }
        return attribute(name, value.toString());
    }

    /** An element with text only. */
    XmlOut leaf(String prefix, String name, String namespace, Object value) {
        newLine();
        String qName = qName(prefix, name);
        text.append('<').append(qName).append('>');
        escape(value.toString(), false);
        text.append("</").append(qName).append('>');
        lastOpen = false;
        return this;
    }

    XmlOut end() {
        depth--;
        if (!lastOpen) {
            newLine();
        }
        closeTag();
        text.append("</").append(open[depth]).append('>');
        open[depth] = null;
        lastOpen = false;
        return this;
    }

    String finish() {
        closeTag();
        while (depth > 0) {
            depth--;
            text.append("</").append(open[depth]).append('>');
        }
        return text.append('\n').toString();
    }

    private XmlOut attribute(String name, String value) {
        if (!tagOpen) {
            throw new IllegalStateException("an attribute after the start tag of its element: " + name);
        }
        text.append(' ').append(name).append("=\"");
        escape(value, true);
        text.append('"');
        return this;
    }

    private void newLine() {
        closeTag();
        text.append('\n');
        for (int i = 0; i < depth; i++) {
            text.append("  ");
        }
    }

    private void closeTag() {
        if (tagOpen) {
            text.append(tagEmpty ? "/>" : ">");
            tagOpen = false;
        }
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> text.append("&amp;");
                case '<' -> text.append("&lt;");
                case '>' -> text.append("&gt;");
                case '"' -> text.append(attribute ? "&quot;" : "\"");
                default -> text.append(c);
            }
        }
    }

    private static String qName(String prefix, String name) {
        return prefix == null || prefix.isEmpty() ? name : prefix + ":" + name;
    }
}
