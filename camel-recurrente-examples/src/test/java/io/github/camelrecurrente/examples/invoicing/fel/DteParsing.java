package io.github.camelrecurrente.examples.invoicing.fel;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads the documents back with the JDK's DOM, for assertions. */
final class DteParsing {

    private static final DocumentBuilderFactory FACTORY = DocumentBuilderFactory.newInstance();

    static {
        FACTORY.setNamespaceAware(true);
    }

    private DteParsing() {}

    static Document parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    static Document parse(Path file) throws Exception {
        return parse(Files.readAllBytes(file));
    }

    static Document parse(byte[] bytes) {
        try {
            javax.xml.parsers.DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e, e);
        }
    }

    static List<Element> all(Node parent, String localName) {
        NodeList list = parent instanceof Document d
                ? d.getElementsByTagNameNS("*", localName)
                : ((Element) parent).getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static Element one(Node parent, String localName) {
        List<Element> all = all(parent, localName);
        if (all.size() != 1) {
            throw new AssertionError("expected one " + localName + ", found " + all.size());
        }
        return all.get(0);
    }

    static BigDecimal decimal(Node parent, String localName) {
        return new BigDecimal(one(parent, localName).getTextContent());
    }

    /**
     * The shape of a document: every element as {@code {namespace}path} in document order, with its attributes'
     * names (namespace declarations left out), one per line.
     */
    static List<String> shape(Document d) {
        List<String> out = new ArrayList<>();
        walk(d.getDocumentElement(), "", out);
        return out;
    }

    private static void walk(Element e, String parentPath, List<String> out) {
        String path = parentPath + "/" + e.getLocalName();
        StringBuilder attrs = new StringBuilder();
        NamedNodeMap map = e.getAttributes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < map.getLength(); i++) {
            Node a = map.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                names.add(a.getLocalName());
            }
        }
        names.sort(String::compareTo);
        attrs.append(names);
        out.add("{" + e.getNamespaceURI() + "}" + path + " " + attrs);
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                walk(child, path, out);
            }
        }
    }
}
