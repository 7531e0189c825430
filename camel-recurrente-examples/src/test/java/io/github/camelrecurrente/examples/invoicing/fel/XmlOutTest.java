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
            XmlOut ours = new XmlOut();
            StaxXmlOut stax = new StaxXmlOut();
            ours.start("dte", "GTDocumento", DteXml.DTE)
                    .namespace("dte", DteXml.DTE)
                    .namespace("ds", DteXml.DS);
            stax.start("dte", "GTDocumento", DteXml.DTE)
                    .namespace("dte", DteXml.DTE)
                    .namespace("ds", DteXml.DS);
            int depth = 1;
            for (int step = 0; step < 40; step++) {
                String text = TEXTS[random.nextInt(TEXTS.length)];
                switch (random.nextInt(6)) {
                    case 0 -> {
                        ours.start("dte", "E" + step, DteXml.DTE)
                                .attr("A", text)
                                .attr("N", null);
                        stax.start("dte", "E" + step, DteXml.DTE)
                                .attr("A", text)
                                .attr("N", null);
                        depth++;
                    }
                    case 1 -> {
                        ours.empty("dte", "V" + step, DteXml.DTE)
                                .attr("A", text)
                                .attr("I", step);
                        stax.empty("dte", "V" + step, DteXml.DTE)
                                .attr("A", text)
                                .attr("I", step);
                    }
                    case 2 -> {
                        ours.leaf("dte", "L" + step, DteXml.DTE, text);
                        stax.leaf("dte", "L" + step, DteXml.DTE, text);
                    }
                    case 3 -> {
                        ours.empty("cno", "R", DteXml.REFERENCIA_NOTA)
                                .namespace("cno", DteXml.REFERENCIA_NOTA)
                                .attr("M", text);
                        stax.empty("cno", "R", DteXml.REFERENCIA_NOTA)
                                .namespace("cno", DteXml.REFERENCIA_NOTA)
                                .attr("M", text);
                    }
                    case 4 -> {
                        if (depth > 1) {
                            ours.end();
                            stax.end();
                            depth--;
                        }
                    }
                    default -> {
                        // an element opened and closed at once
                        ours.start("dte", "S" + step, DteXml.DTE).end();
                        stax.start("dte", "S" + step, DteXml.DTE).end();
                    }
                }
            }
            if (round % 2 == 0) {
                while (depth-- > 0) {
                    ours.end();
                    stax.end();
                }
            }
            assertEquals(stax.finish(), ours.finish(), "round " + round);
        }
    }
}
