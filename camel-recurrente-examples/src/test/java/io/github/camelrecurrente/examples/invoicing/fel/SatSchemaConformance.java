package io.github.camelrecurrente.examples.invoicing.fel;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import static io.github.camelrecurrente.examples.invoicing.fel.FelTestData.item;
import static io.github.camelrecurrente.examples.invoicing.fel.FelTestData.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every document the builder makes, validated against SAT's own schemas read from {@code ../shared/reference/fel}
 * (GPL-3.0: never copied into the project), as the reference page says: the {@code ^}/{@code $} anchors of the
 * patterns removed (not the {@code ^} of {@code [^...]}), the xmldsig import resolved to the local file; the missing
 * trailing {@code ds:Signature} (the certifier signs) is the only error allowed. Also compares the builder's documents
 * with the reference examples, element by element.
 * <p>
 * Not a {@code *Test}: it runs in the Maven profile {@code fel-sat-schemas} that the folder's presence activates,
 * which passes the folder as {@code -Dfel.reference.dir} (see {@code docs/fel.md}).
 */
class SatSchemaConformance {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final Pattern XSD_PATTERN = Pattern.compile("(<xs:pattern\\s+value=\")([^\"]*)(\")");

    private static Path reference;
    private static Schema documentSchema;
    private static Schema anulacionSchema;

    @BeforeAll
    static void loadSchemas() throws Exception {
        String dir = System.getProperty("fel.reference.dir");
        assertTrue(
                dir != null && Files.isDirectory(Path.of(dir, "xsd")),
                "-Dfel.reference.dir must name ../shared/reference/fel (the Maven profile fel-sat-schemas sets it): "
                        + dir);
        reference = Path.of(dir);
        documentSchema = schema("GT_Documento-0.2.1.xsd", "GT_Complemento_Referencia_Nota-0.1.0.xsd");
        anulacionSchema = schema("GT_AnulacionDocumento-0.1.0.xsd");
    }

    @Test
    void theAnchorsAreStrippedButNotTheNegatedClasses() {
        assertEquals("(([1-9])+([0-9])*([0-9]|K))", withoutAnchors("(([1-9])+([0-9])*([0-9]|K))$"));
        assertEquals("\\S(.*\\S)?", withoutAnchors("^\\S(.*\\S)?$"));
        assertEquals("[^\\s]*", withoutAnchors("[^\\s]*"));
        assertEquals("((a)|(CF)|([A-Z]{3,18}))", withoutAnchors("((a)|(CF)|^([A-Z]{3,18}))$"));
    }

    @Test
    void theReferenceExamplesValidate() throws Exception {
        assertOnlySignatureMissing(
                documentSchema, Files.readString(reference.resolve("examples/fact-cf-iva12-unsigned.xml")));
        assertOnlySignatureMissing(
                documentSchema, Files.readString(reference.resolve("examples/ncre-refund-unsigned.xml")));
        assertOnlySignatureMissing(
                anulacionSchema, Files.readString(reference.resolve("examples/anulacion-unsigned.xml")));
    }

    @Test
    void theValidatorCatchesRealErrors() throws Exception {
        String good =
                documents().invoice("pa_x", FelTestData.cfSale("100.00"), 0).xml();
        List<String> hyphen = errors(documentSchema, good.replace("NITEmisor=\"12345679\"", "NITEmisor=\"1234567-9\""));
        assertTrue(hyphen.size() > 1, hyphen.toString());
        List<String> order = errors(
                documentSchema,
                good.replace("<dte:UnidadMedida>UNI</dte:UnidadMedida>", "")
                        .replace(
                                "<dte:Cantidad>1</dte:Cantidad>",
                                "<dte:UnidadMedida>UNI</dte:UnidadMedida><dte:Cantidad>1</dte:Cantidad>"));
        assertTrue(order.size() > 1, order.toString());
        FelDocument anul =
                documents().anulacion("pa_x", FelDocumentsTest.original("100.00", "10.71", "CF", "GTQ"), "x", 0);
        List<String> lower = errors(
                anulacionSchema,
                anul.xml().replace(FelDocumentsTest.ORIGINAL_UUID, FelDocumentsTest.ORIGINAL_UUID.toLowerCase()));
        assertTrue(lower.size() > 1, lower.toString());
    }

    @Test
    void everyDocumentTheBuilderMakesValidates() {
        FelDocuments docs = documents();
        Buyer cf = Buyer.fromPayment(null, null, "cliente@example.com");
        Buyer nit = Buyer.fromPayment("1252133-7", "INFILE, S.A.", null);
        Buyer cui = Buyer.fromPayment("2345678901234", "Ana & Lopez <Ana>", null);
        Instant at = FelTestData.EMITTED;
        List<FelDocument> made = new ArrayList<>();
        FelDocument factCf = docs.invoice("pa_cf", FelTestData.cfSale("100.00"), 0);
        made.add(factCf);
        made.add(docs.invoice("pa_nit", sale(nit, "GTQ", at, SaleItem.service("Plan", new BigDecimal("3000.00"))), 0));
        made.add(docs.invoice("pa_cui", sale(cui, "GTQ", at, SaleItem.service("Plan", new BigDecimal("2600.00"))), 0));
        made.add(docs.invoice("pa_usd", sale(cf, "USD", at, SaleItem.service("Plan", new BigDecimal("99.99"))), 0));
        FelDocument several = docs.invoice(
                "pa_items",
                sale(
                        nit,
                        "GTQ",
                        at,
                        item("Camisa", "3", "150.00", "45.00", ItemKind.B),
                        item("Envio", "1", "35.50", "0", ItemKind.S),
                        item("Tela", "2.5", "80.333333", "10.00", ItemKind.B),
                        item("Regalo", "1", "20.00", "20.00", ItemKind.B)),
                0);
        made.add(several);
        OriginalDocument invoice = new OriginalDocument(
                FelDocumentsTest.ORIGINAL_UUID,
                "D412A347",
                "2535474368",
                factCf.emittedAt(),
                BuyerId.CF,
                "GTQ",
                factCf.grandTotal(),
                factCf.ivaTotal());
        made.add(docs.creditNote(
                "re_part",
                sale(cf, "GTQ", at, SaleItem.service("Reembolso parcial", new BigDecimal("40.00"))),
                invoice,
                BigDecimal.ZERO,
                "Reembolso parcial",
                0));
        made.add(docs.creditNote(
                "re_full",
                sale(cf, "GTQ", at, SaleItem.service("Reembolso", new BigDecimal("100.00"))),
                invoice,
                BigDecimal.ZERO,
                "Reembolso total",
                0));
        Random random = new Random(99);
        for (int i = 0; i < 60; i++) {
            made.add(docs.invoice(
                    "pa_r" + i,
                    new Sale(nit, i % 2 == 0 ? "GTQ" : "USD", SatArithmeticPropertyTest.randomItems(random), at),
                    0));
        }
        for (FelDocument d : made) {
            assertOnlySignatureMissing(documentSchema, d.xml());
        }
        FelDocument anulacion =
                FelTestData.documents(at.plusSeconds(86_400)).anulacion("pa_cf", invoice, "Pago reembolsado", 0);
        assertOnlySignatureMissing(anulacionSchema, anulacion.xml());
    }

    @Test
    void theReferenceFactIsWhatTheBuilderMakesForTheSameSale() throws Exception {
        FelDocument fact = documents().invoice("pa_ref", FelTestData.cfSale("100.00"), 0);
        assertSameDocument(reference.resolve("examples/fact-cf-iva12-unsigned.xml"), fact.xml());
    }

    @Test
    void theReferenceCreditNoteIsWhatTheBuilderMakesForTheSameRefund() throws Exception {
        OriginalDocument invoice = new OriginalDocument(
                FelDocumentsTest.ORIGINAL_UUID,
                "D412A347",
                "2535474368",
                OffsetDateTime.parse("2025-06-01T10:15:00-06:00"),
                BuyerId.CF,
                "GTQ",
                new BigDecimal("100.00"),
                new BigDecimal("10.71"));
        FelDocument note = documents()
                .creditNote(
                        "re_ref",
                        sale(
                                Buyer.fromPayment(null, null, null),
                                "GTQ",
                                Instant.parse("2025-06-03T15:00:00Z"),
                                SaleItem.service("Reembolso: Suscripcion mensual", new BigDecimal("100.00"))),
                        invoice,
                        BigDecimal.ZERO,
                        "Reembolso del pago",
                        0);
        assertSameDocument(reference.resolve("examples/ncre-refund-unsigned.xml"), note.xml());
    }

    @Test
    void theReferenceAnulacionIsWhatTheBuilderMakesForTheSameCancellation() throws Exception {
        OriginalDocument invoice = new OriginalDocument(
                FelDocumentsTest.ORIGINAL_UUID,
                "D412A347",
                "2535474368",
                OffsetDateTime.parse("2025-06-01T10:15:00-06:00"),
                BuyerId.CF,
                "GTQ",
                new BigDecimal("100.00"),
                new BigDecimal("10.71"));
        FelDocument anul = FelTestData.documents(Instant.parse("2025-06-02T14:00:00Z"))
                .anulacion("pa_ref", invoice, "Pago reembolsado", 0);
        assertSameDocument(reference.resolve("examples/anulacion-unsigned.xml"), anul.xml());
    }

    /**
     * Same elements in the same order, same namespaces, same attributes and values, same texts; the reference FACT's
     * emails ({@code CorreoEmisor}, {@code CorreoReceptor}: optional, and not configured here) left out.
     */
    private static void assertSameDocument(Path referenceFile, String made) throws Exception {
        List<String> expected = flatten(DteParsing.parse(referenceFile));
        List<String> actual = flatten(DteParsing.parse(made));
        assertTrue(expected.size() >= 4, "the reference was read: " + expected);
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    private static List<String> flatten(Document d) {
        List<String> out = new ArrayList<>();
        walk(d.getDocumentElement(), "", out);
        return out;
    }

    private static void walk(Element e, String parent, List<String> out) {
        String path = parent + "/{" + e.getNamespaceURI() + "}" + e.getLocalName();
        List<String> attrs = new ArrayList<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Node a = map.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())
                    && !a.getLocalName().startsWith("Correo")) {
                attrs.add(a.getLocalName() + "=" + a.getNodeValue());
            }
        }
        attrs.sort(String::compareTo);
        StringBuilder text = new StringBuilder();
        boolean leaf = true;
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) {
                leaf = false;
            } else if (c.getNodeType() == Node.TEXT_NODE) {
                text.append(c.getNodeValue());
            }
        }
        out.add(path + " " + attrs + (leaf ? " '" + text.toString().strip() + "'" : ""));
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                walk(child, path, out);
            }
        }
    }

    private static FelDocuments documents() {
        return FelTestData.documents(FelTestData.EMITTED);
    }

    private static void assertOnlySignatureMissing(Schema schema, String xml) {
        List<String> errors = errors(schema, xml);
        assertEquals(1, errors.size(), "only the missing ds:Signature is allowed: " + errors + "\n" + xml);
        assertTrue(
                errors.get(0).contains("cvc-complex-type.2.4.b")
                        && errors.get(0).contains(DSIG + "\":Signature"),
                errors.get(0));
    }

    private static List<String> errors(Schema schema, String xml) {
        List<String> errors = new ArrayList<>();
        Validator v = schema.newValidator();
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("FATAL " + e.getMessage());
            }
        });
        try {
            v.validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            errors.add("FATAL " + e.getMessage());
        }
        return errors;
    }

    /** The schemas as the reference page says to read them. */
    private static Schema schema(String... files) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        DOMImplementationLS ls =
                (DOMImplementationLS) DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
        Path dsig = reference.resolve("xsd/xmldsig-core-schema.xsd");
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            if (!DSIG.equals(namespace)) {
                throw new IllegalStateException("unexpected import of " + namespace + " at " + systemId);
            }
            LSInput input = ls.createLSInput();
            try {
                input.setByteStream(new ByteArrayInputStream(Files.readAllBytes(dsig)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            input.setSystemId(dsig.toUri().toString());
            return input;
        });
        List<Source> sources = new ArrayList<>();
        for (String file : files) {
            Path p = reference.resolve("xsd").resolve(file);
            String text = Files.readString(p, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            sources.add(new StreamSource(
                    new StringReader(anchorsRemoved(text)), p.toUri().toString()));
        }
        return factory.newSchema(sources.toArray(Source[]::new));
    }

    private static String anchorsRemoved(String xsd) {
        Matcher m = XSD_PATTERN.matcher(xsd);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + withoutAnchors(m.group(2)) + m.group(3)));
        }
        m.appendTail(out);
        assertFalse(out.toString().contains("$\"/>"), "a pattern still ends in $");
        return out.toString();
    }

    /** Removes every {@code $} and every {@code ^} that does not open a negated class ({@code [^}). */
    static String withoutAnchors(String pattern) {
        return pattern.replaceAll("(?<!\\[)\\^", "").replace("$", "");
    }
}
