package io.github.camelrecurrente.component.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrecurrente.component.RecurrenteOperation;
import io.github.camelrecurrente.component.client.ApiRequest;
import io.github.camelrecurrente.component.client.RecurrenteApi;
import io.github.camelrecurrente.component.client.RequestValidator;
import io.github.camelrecurrente.component.client.ResponseDecoder;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.event.GenericEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of the repository's {@code contract/} folder, from its README's tables: every documented response
 * example decodes into the operation's model, every documented webhook example into its typed event, and every
 * documented request example passes the request validator. A change that breaks a documented shape fails here.
 */
class ContractExamplesTest {

    /** One row of a README table: the file and its second column (operation or event type). */
    record Example(String file, String kind) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Example> rows(String section) {
        String readme = text("README.md");
        int start = readme.indexOf("## " + section);
        assertTrue(start >= 0, "README section " + section);
        int end = readme.indexOf("\n## ", start + 1);
        List<Example> out = new ArrayList<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                out.add(new Example(cells[1].trim().replace("`", ""), cells[2].trim()));
            }
        }
        assertFalse(out.isEmpty(), "rows in " + section);
        return out;
    }

    static Stream<Arguments> requests() {
        return rows("Requests").stream().map(Arguments::of);
    }

    static Stream<Arguments> responses() {
        return rows("Responses").stream().map(Arguments::of);
    }

    static Stream<Arguments> webhooks() {
        return rows("Webhooks").stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void everyDocumentedRequestPassesTheValidator(Example example) throws IOException {
        RecurrenteOperation op = RecurrenteOperation.valueOf(example.kind());
        JsonNode body = RecurrenteApi.wrapUnderRequestRoot(op, RecurrenteJson.mapper().readTree(bytes(example.file())));
        assertDoesNotThrow(() -> RequestValidator.validate(op, body), example.file());
        if (op == RecurrenteOperation.createCheckout) {
            CheckoutRequest typed = RecurrenteJson.mapper().treeToValue(body, CheckoutRequest.class);
            assertDoesNotThrow(() -> RequestValidator.validateCheckout(typed), example.file() + " (typed)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void everyDocumentedResponseDecodes(Example example) {
        RecurrenteOperation op = RecurrenteOperation.valueOf(example.kind());
        ApiRequest request = new ApiRequest(op.name(), op.httpMethod("PATCH"), op.path("x_1"), Map.of(), null, null,
                true);
        byte[] body = bytes(example.file());
        if (op.isList()) {
            List<Object> items = ResponseDecoder.instance().decodeList(op, request, body);
            assertFalse(items.isEmpty(), example.file());
            for (Object item : items) {
                assertInstanceOf(op.resultType(), item, example.file());
            }
        } else {
            Object decoded = ResponseDecoder.instance().decodeSingle(op, request, body);
            assertNotNull(decoded, example.file());
            assertInstanceOf(op.resultType(), decoded, example.file());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhooks")
    void everyDocumentedWebhookDecodes(Example example) {
        RecurrenteEvent event = RecurrenteEvents.parse(bytes(example.file()));
        assertEquals(example.kind(), event.getEventType(), example.file());
        assertFalse(event instanceof GenericEvent, example.file() + " decodes into its typed event");
        assertNotNull(event.getResourceId(), example.file() + " names the object it is about");
    }

    @Test
    void everyFileOfTheFolderIsInTheIndexAndEveryRowHasItsFile() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (String section : List.of("Requests", "Responses", "Webhooks")) {
            rows(section).forEach(r -> listed.add(r.file()));
        }
        Set<String> present = new TreeSet<>();
        Path root = Path.of(resource("README.md").toURI()).getParent();
        for (String dir : List.of("requests", "responses", "webhooks")) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                files.forEach(f -> present.add(dir + "/" + f.getFileName()));
            }
        }
        assertEquals(present, listed, "contract/README.md indexes exactly the files of contract/");
    }

    private static URL resource(String path) {
        URL url = ContractExamplesTest.class.getResource("/contract/" + path);
        assertNotNull(url, "missing /contract/" + path + " on the test classpath");
        return url;
    }

    static byte[] bytes(String path) {
        try (InputStream in = resource(path).openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
