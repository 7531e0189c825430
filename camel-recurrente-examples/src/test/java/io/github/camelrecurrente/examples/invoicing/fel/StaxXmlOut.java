package io.github.camelrecurrente.examples.invoicing.fel;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The writer {@link XmlOut} was (the JDK's StAX writer): the reference {@code XmlOutTest} compares it with.
 * <p>
 * A small indenting writer over the JDK's StAX writer (which escapes text and attributes): elements open and close
 * in the order they are written, so a document's element order is the order of the calls in {@link DteXml}.
 */
final class StaxXmlOut {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter text = new StringWriter(4096);
    private final XMLStreamWriter w;
    private int depth;
    private boolean open;

    StaxXmlOut() {
        try {
            w = FACTORY.createXMLStreamWriter(text);
            w.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's XML writer is not available", e);
        }
    }

    /** Opens an element; attributes follow with {@link #attr(String, Object)}. */
    StaxXmlOut start(String prefix, String name, String namespace) {
        try {
            newLine();
            w.writeStartElement(prefix, name, namespace);
            depth++;
            open = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an element that will have no content. */
    StaxXmlOut empty(String prefix, String name, String namespace) {
        try {
            newLine();
            w.writeEmptyElement(prefix, name, namespace);
            open = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    StaxXmlOut namespace(String prefix, String namespace) {
        try {
            w.writeNamespace(prefix, namespace);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attribute of the element just opened; null values are left out. */
    StaxXmlOut attr(String name, Object value) {
        if (value == null) {
            return this;
        }
        try {
            w.writeAttribute(name, value.toString());
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element with text only. */
    StaxXmlOut leaf(String prefix, String name, String namespace, Object value) {
        try {
            newLine();
            w.writeStartElement(prefix, name, namespace);
            w.writeCharacters(value.toString());
            w.writeEndElement();
            open = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    StaxXmlOut end() {
        try {
            depth--;
            if (!open) {
                newLine();
            }
            w.writeEndElement();
            open = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    String finish() {
        try {
            w.writeEndDocument();
            w.close();
            return text.append('\n').toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void newLine() throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }
}
