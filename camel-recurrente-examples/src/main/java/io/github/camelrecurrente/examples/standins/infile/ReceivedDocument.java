package io.github.camelrecurrente.examples.standins.infile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** A document the stand-in received, read with the JDK's DOM (no DTD, no external entity). */
final class ReceivedDocument {

    private static final DocumentBuilderFactory FACTORY = factory();

    private final Document dom;

    private ReceivedDocument(Document dom) {
        this.dom = dom;
    }

    /** @return the document, or null when the bytes are not well-formed XML */
    static ReceivedDocument parse(byte[] xml) {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(new DefaultHandler());
            return new ReceivedDocument(builder.parse(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return null;
        }
    }

    Document dom() {
        return dom;
    }

    /** @return the root element's local name: {@code GTDocumento} or {@code GTAnulacionDocumento} */
    String rootName() {
        return dom.getDocumentElement().getLocalName();
    }

    /** @return the first element with this local name (any namespace), or null */
    Element first(String localName) {
        NodeList list = dom.getElementsByTagNameNS("*", localName);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    /** @return every element with this local name under {@code parent} */
    static List<Element> all(Element parent, String localName) {
        NodeList list = parent.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** @return the text of the first element with this local name under {@code parent}, or null */
    static String text(Element parent, String localName) {
        NodeList list = parent.getElementsByTagNameNS("*", localName);
        return list.getLength() == 0 ? null : list.item(0).getTextContent().strip();
    }

    /** @return the decimal of the first element with this local name, or null when absent or not a number */
    static BigDecimal decimal(Element parent, String localName) {
        return decimal(text(parent, localName));
    }

    static BigDecimal decimal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return the attribute, or "" when absent */
    static String attr(Element e, String name) {
        return e == null ? "" : e.getAttribute(name).strip();
    }

    /** Adds an element in the namespace of {@code parent}, with the same prefix, after {@code after}. */
    static Element insertAfter(Element parent, Node after, String localName) {
        Element e = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), qualified(parent, localName));
        parent.insertBefore(e, after == null ? null : after.getNextSibling());
        return e;
    }

    /** Adds a child element with text. */
    static Element appendText(Element parent, String localName, String text) {
        Element e = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), qualified(parent, localName));
        e.setTextContent(text);
        parent.appendChild(e);
        return e;
    }

    private static String qualified(Element parent, String localName) {
        return parent.getPrefix() == null ? localName : parent.getPrefix() + ":" + localName;
    }

    /** @return the document as UTF-8 XML text */
    String serialise() {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(dom), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the certified XML", e);
        }
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
