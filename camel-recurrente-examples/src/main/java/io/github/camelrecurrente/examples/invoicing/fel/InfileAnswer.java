package io.github.camelrecurrente.examples.invoicing.fel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * INFILE's JSON answer, read leniently: {@code resultado} (boolean or text), {@code descripcion},
 * {@code descripcion_errores[]} ({@code fuente}, {@code categoria}, {@code numeral}, {@code validacion},
 * {@code mensaje_error}), the alerts, {@code uuid}, {@code serie}, {@code numero} (number or text), {@code fecha},
 * {@code xml_certificado} (base64).
 */
final class InfileAnswer {

    /** The text of INFILE's answer to a repeated identificador. */
    static final String REPEAT_TEXT = "documento enviado previamente";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private InfileAnswer(JsonNode root) {
        this.root = root;
    }

    /** @return the answer, or null when the body is not a JSON object */
    static InfileAnswer parse(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? new InfileAnswer(n) : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    boolean resultado() {
        JsonNode r = root.path("resultado");
        return r.isBoolean()
                ? r.booleanValue()
                : "true".equalsIgnoreCase(r.asText("").strip());
    }

    /** @return true when INFILE says it had the identificador already (and names the original document) */
    boolean isRepeat() {
        if (uuid().isEmpty()) {
            return false;
        }
        if (text("descripcion").toLowerCase(Locale.ROOT).contains(REPEAT_TEXT)) {
            return true;
        }
        return messages().stream()
                .anyMatch(m -> m.message().toLowerCase(Locale.ROOT).contains(REPEAT_TEXT));
    }

    String uuid() {
        return text("uuid").toUpperCase(Locale.ROOT);
    }

    String serie() {
        return text("serie");
    }

    String numero() {
        return text("numero");
    }

    /** @return {@code fecha}, or null */
    String fecha() {
        String f = text("fecha");
        return f.isEmpty() ? null : f;
    }

    String descripcion() {
        return text("descripcion");
    }

    /** @return the certified XML, decoded; null when absent or not decodable */
    String certifiedXml() {
        String x = text("xml_certificado");
        if (x.isEmpty()) {
            return null;
        }
        if (x.startsWith("<")) {
            return x;
        }
        try {
            return new String(Base64.getMimeDecoder().decode(x), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    List<CertifierMessage> messages() {
        List<CertifierMessage> list = new ArrayList<>();
        for (JsonNode e : root.path("descripcion_errores")) {
            list.add(new CertifierMessage(
                    e.path("fuente").asText(""),
                    e.path("categoria").asText(""),
                    e.path("numeral").asText(""),
                    e.path("validacion").asText(""),
                    e.path("mensaje_error").asText("")));
        }
        if (list.isEmpty() && !descripcion().isEmpty()) {
            list.add(new CertifierMessage("INFILE", "", "", "", descripcion()));
        }
        return list;
    }

    List<String> alerts() {
        List<String> list = new ArrayList<>();
        for (String field : List.of("descripcion_alertas_infile", "descripcion_alertas_sat")) {
            JsonNode n = root.path(field);
            if (n.isArray()) {
                n.forEach(a -> list.add(a.isTextual() ? a.asText() : a.toString()));
            } else if (n.isTextual() && !n.asText().isBlank()) {
                list.add(n.asText());
            }
        }
        return list;
    }

    private String text(String field) {
        JsonNode n = root.path(field);
        return n.isMissingNode() || n.isNull() ? "" : n.asText("").strip();
    }
}
