package io.github.camelrecurrente.examples.invoicing.fel;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link XmlOut} writes the text the JDK's StAX writer wrote for the same calls ({@link StaxXmlOut}). */
class XmlOutTest {

    private static final String[] TEXTS = {
        "",
        "plain",
        "Ñandú & Cía., S.A.",
        "a < b > c",
        "\"quoted\" 'single'",
        "Pago en línea pa_123",
        "<![CDATA[x]]>",
        "&amp;",
        "tab\there",
        "4a Avenida 1-23 Zona 10",
        "é€😀"
    };

    @Test
    void writesWhatTheStaxWriterWrote() {
        Random random = new Random(20);
        for (int round = 0; round < 500; round++) {
            Both out = new Both();
            out.start("dte", "GTDocumento", DteXml.DTE)
                    .namespace("dte", DteXml.DTE)
                    .namespace("ds", DteXml.DS);
            int depth = 1;
            for (int step = 0; step < 40; step++) {
                String text = TEXTS[random.nextInt(TEXTS.length)];
                switch (random.nextInt(6)) {
                    case 0 -> {
                        out.start("dte", "E" + step, DteXml.DTE).attr("A", text).attr("N", null);
                        depth++;
                    }
                    case 1 ->
                        out.empty("dte", "V" + step, DteXml.DTE).attr("A", text).attr("I", step);
                    case 2 -> out.leaf("dte", "L" + step, DteXml.DTE, text);
                    case 3 ->
                        out.empty("cno", "R", DteXml.REFERENCIA_NOTA)
                                .namespace("cno", DteXml.REFERENCIA_NOTA)
                                .attr("M", text);
                    case 4 -> {
                        if (depth > 1) {
                            out.end();
                            depth--;
                        }
                    }
                    // an element opened and closed at once
                    default -> out.start("dte", "S" + step, DteXml.DTE).end();
                }
            }
            if (round % 2 == 0) {
                while (depth-- > 0) {
                    out.end();
                }
            }
            assertEquals(out.stax.finish(), out.ours.finish(), "round " + round);
        }
    }

    /** The same call to both writers. */
    private static final class Both {
        final XmlOut ours = new XmlOut();
        final StaxXmlOut stax = new StaxXmlOut();

        Both start(String prefix, String name, String namespace) {
            ours.start(prefix, name, namespace);
            stax.start(prefix, name, namespace);
            return this;
        }

        Both empty(String prefix, String name, String namespace) {
            ours.empty(prefix, name, namespace);
            stax.empty(prefix, name, namespace);
            return this;
        }

        Both namespace(String prefix, String namespace) {
            ours.namespace(prefix, namespace);
            stax.namespace(prefix, namespace);
            return this;
        }

        Both attr(String name, Object value) {
            ours.attr(name, value);
            stax.attr(name, value);
            return this;
        }

        Both leaf(String prefix, String name, String namespace, Object value) {
            ours.leaf(prefix, name, namespace, value);
            stax.leaf(prefix, name, namespace, value);
            return this;
        }

        Both end() {
            ours.end();
            stax.end();
            return this;
        }
    }
}
